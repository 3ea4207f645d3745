/**
 * Multilingual cue words, grouped by what they mean to a support lead. They are features, not rules:
 * a cue found in a ticket adds one token (e.g. "#money_back") that the classifier weighs like any
 * other, so its weight is learnt from the labelled tickets. What a cue adds is reach: "Rückerstattung",
 * "reembolso", "terugbetaling" and "zwrot" become one token, so a phrasing learnt in one language
 * helps in the other eight.
 *
 * Written against normalized text (lower case, no accents, single spaces; see normalize.ts). A cue
 * matches anywhere in the text; a space at its start or end ties it to a word boundary.
 */
// One line per language, as the cues are written and reviewed:
// prettier-ignore
export const CUES: Readonly<Record<string, readonly string[]>> = {
  // refund_request: asking for money back
  money_back: [
    ' refund', 'refnd', 'reimburs', 'money back', 'my money', 'chargeback', 'charge back', 'reverse the charge', 'back to my card', 'returned to my card',
    'erstatt', 'geld zuruck', 'ruckzahl', 'zuruckzahl', 'zuruckbuch', 'ruckbuch',
    'reembols', 'devuelv', 'devolver', 'devolucion', 'mi dinero', 'el dinero',
    'rembours', 'rendre mon argent', 'mon argent', 'restitu',
    'devolva', 'devolvam', 'devolucao', 'meu dinheiro', 'estorno', 'estornar',
    'rimbors', 'soldi indietro', 'i miei soldi', 'restituzion', 'restituire',
    'terugbetal', 'geld terug', 'terugstor', 'mijn geld',
    'zwrot', 'zwroc', 'zwrocic', 'oddac pieniadze', 'moje pieniadze',
    'aterbetal', 'pengarna tillbaka', 'pengar tillbaka', 'mina pengar',
    'it back', 'paid back', 'send it back', 'back on my card', 'dispute', 'disputa', 'rivoglio', 'riavere', 'ridarmi', 'stornate', 'la plata', 'reintegr', 'terugkrijgen', 'retour', 'oddac', 'oddajcie', 'kase', 'kasy', 'tillbaka', 'backa kopet',
  ],
  cancel: [
    'cancel', 'kundig', 'storn', 'cancela', 'annul', 'resili', 'cancele', 'disdett', 'disdire', 'annull', 'opzeg', 'anuluj', 'anulow', 'rezygn', 'avsluta', 'saga upp', 'avbrut',
  ],
  // billing: invoices, charges, payment methods, prices
  invoice: [
    'invoice', 'invoic', ' bill ', ' billed', 'billing', 'receipt', ' vat ', ' tax',
    'rechnung', 'beleg', 'quittung', 'mwst', ' ust ', 'ust id', 'steuer',
    'factura', 'recibo', ' iva ', 'nif', 'cif',
    'factur', ' recu ', ' tva ', 'siret',
    'fatura', 'nota fiscal', 'boleto', 'cnpj',
    'fattur', 'ricevuta', 'partita iva',
    'factuur', 'facturen', ' btw ', 'bon ',
    'faktur', 'rachunek', 'paragon', ' nip ',
    'kvitto', ' moms ',
  ],
  charge: [
    'charge', 'charging', 'payment', ' paid', ' pay ', 'debit', 'card', 'subscription', 'renewal', 'renewed', 'price', 'pricing', 'per seat', 'seats', 'plan ', 'upgrade', 'downgrade', 'currency', 'overage', 'discount', 'dunning',
    'abgebucht', 'abbuch', 'zahlung', 'bezahl', 'kreditkarte', 'karte', ' abo', 'preis', 'lastschrift', 'verlanger',
    'cobr', 'pago', 'tarjeta', 'suscrip', 'precio', 'renovac', 'domiciliac',
    'prelev', 'paiement', 'carte', 'abonnement', ' prix', 'renouvel', 'debite',
    'cobran', 'cobrad', 'pagamento', 'cartao', 'assinatura', 'preco', 'renovac', 'mensalidade', ' pix',
    'addebit', 'pagament', 'carta di credito', 'abbonament', 'prezzo', 'rinnov',
    'afgeschreven', 'afschrijv', 'betaling', 'betaald', 'creditcard', 'prijs', 'incasso', 'verlenging',
    'oplat', 'platnos', 'zaplac', 'platn', 'karty', 'karta', 'subskryp', 'abonament', ' cena', 'cennik', 'pobran', 'pobral', 'obciaz',
    'debiter', 'betalning', 'betalat', 'kortet', 'prenumeration', 'abonnemang', ' pris', 'dragits', 'dragit',
    'dunning', 'overdue', 'reminder', 'mahnung', 'zahlungserinnerung', 'recordatorio de pago', 'relance', 'lembrete', 'sollecit', 'aanmaning', 'betalingsherinnering', 'wezwanie do zaplaty', 'paminnelse', 'wire', 'bank transfer', 'uberweis', 'transferencia', 'virement', 'bonifico', 'overschrijving', 'przelew', 'bankgiro', 'autogiro', 'sepa', 'paypal', 'declined', 'abgelehnt', 'rechazad', 'refusee', 'recusad', 'rifiutat', 'geweigerd', 'odrzucon', 'nekad',
  ],
  twice: [
    'twice', 'double', 'duplicate', 'two times', '2 times', 'zweimal', 'doppelt', 'dos veces', 'duplicad', 'doble', 'deux fois', 'doublon', 'en double',
    'duas vezes', 'duplicidade', 'due volte', 'doppi', 'twee keer', 'dubbel', 'dwa razy', 'dwukrotnie', 'podwojn', 'tva ganger', 'dubbeldebiter',
  ],
  // account_access: signing in
  sign_in: [
    'log in', 'login', 'log on', 'logon', 'sign in', 'signin', 'sign on', 'password', 'passwort', 'pasword', 'passwd', '2fa', 'mfa', ' otp', 'two factor', '2 step', 'two step', 'authenticator',
    ' sso', 'saml', 'oidc', 'okta', 'azure ad', 'entra', 'magic link', 'reset link', 'verification code', 'locked out', 'locked', 'username', 'credentials',
    'anmeld', 'einlogg', 'kennwort', 'gesperrt', 'zugang', 'zugriff', 'zwei faktor',
    'iniciar sesion', 'inicio de sesion', 'contrasena', 'acceso', 'acceder', 'bloquead', 'codigo de verificacion', 'dos pasos',
    'connecter', 'connexion', 'mot de passe', 'identifiant', 'acces', 'code de verification', 'deux facteurs',
    'entrar na', 'fazer login', 'senha', 'acessar', 'acesso', 'codigo de verificacao', 'duas etapas',
    'accedere', 'accesso', 'credenziali', 'bloccat', 'codice di verifica', 'due fattori',
    'inloggen', 'inlog', 'wachtwoord', 'toegang', 'geblokkeerd', 'verificatiecode', 'tweestaps',
    'zalogowac', 'logowan', 'haslo', 'hasla', 'dostep', 'zablokowan', 'kod weryfikacyjny', 'dwuetapow',
    'logga in', 'inloggning', 'losenord', 'atkomst', 'utelast', 'verifieringskod', 'tvastegs', 'bankid',
    'inactive', 'inaktiv', 'inactief', 'suspend', 'sospes', 'suspendid', 'desativad', 'deaktiv', 'sparrat', 'session expired', 'sitzung abgelaufen', 'sesion caducada', 'sessao expirada', 'session expiree', 'sessione scaduta', 'sessie verlopen', 'sesja wygasla', 'sessionen har gatt ut', 'activation link', 'aktivierungslink', 'enlace de activacion', 'lien d activation', 'link de ativacao', 'link di attivazione', 'activeringslink', 'aktywacyjn', 'aktiveringslank', 'backup code', 'recovery code', 'herstelcode', 'u2f', 'yubikey', 'passkey',
  ],
  account: [
    'account', 'konto', 'cuenta', 'compte', 'conta ', 'profil', 'workspace', 'arbeitsbereich', 'espacio de trabajo', 'espace de travail', 'area de trabalho', 'werkruimte', 'arbetsyta',
    'invite', 'invitation', 'einladung', 'invitacion', 'convite', 'invito', 'uitnodiging', 'zaprosz', 'inbjudan',
    'admin', 'owner', 'inhaber', 'propietario', 'proprietaire', 'proprietario', 'eigenaar', 'wlasciciel', 'agare',
  ],
  close_account: [
    'delete my account', 'close my account', 'delete account', 'account for good', 'konto loschen', 'konto komplett loschen', 'account loschen', 'borrar mi cuenta', 'baja mi cuenta', 'eliminar mi cuenta', 'supprimer mon compte', 'fermer mon compte',
    'excluir minha conta', 'encerrar minha conta', 'cancellare il mio account', 'eliminare il mio account', 'chiudere il mio account', 'account verwijderen', 'account opheffen', 'usunac konto', 'usuniecie konta', 'radera mitt konto', 'avsluta mitt konto', 'ta bort mitt konto',
  ],
  // technical_issue: the product misbehaves
  failure: [
    'error', 'erorr', ' bug', 'crash', 'broken', ' fail', 'not working', 'doesnt work', 'does not work', 'stopped working', 'wont ', 'outage', ' down ', 'timeout', 'timed out', 'time out', 'hangs', 'freez', 'stuck', 'blank', 'spins', 'glitch',
    ' 500', ' 502', ' 503', ' 504', ' 404', ' 403', ' 429',
    'fehler', 'absturz', 'sturzt', 'funktioniert nicht', 'geht nicht', 'kaputt', 'hangt', 'ausfall',
    'fallo', 'falla', 'no funciona', 'se cuelga', 'se bloquea', 'caido', 'caida',
    'erreur', 'plante', 'ne fonctionne', 'marche pas', 'marche plus', 'panne', 'bloque',
    'erro', 'falha', 'nao funciona', 'trava', 'travando', 'fora do ar', 'parou de funcionar',
    'errore', 'non funziona', 'si blocca', 'si pianta', 'malfunzion', 'smesso di funzionare',
    'fout', 'storing', 'werkt niet', 'crasht', 'vastloop', 'loopt vast', 'hapert',
    'blad', 'bledu', 'nie dziala', 'awari', 'zawiesza', 'przestal dzialac', 'przestala dzialac',
    ' fel', 'felmeddelande', 'fungerar inte', 'kraschar', 'hanger sig', 'slutat fungera', 'strul',
    'disappear', 'verschwunden', 'desaparec', 'disparu', 'sumiu', 'sumiram', 'spari', 'verdwenen', 'znikn', 'forsvunn', 'not saved', 'speichert nicht', 'no guarda', 'enregistre pas', 'nao salva', 'non salva', 'slaat niet op', 'nie zapisuje', 'sparas inte', 'wrong data', 'shows 0', 'falsch', 'incorrect', 'errone', 'sbagliat', 'verkeerd', 'nieprawidlow', 'felaktig', 'grey screen', 'white page', 'blank page', 'grijs scherm', 'bug',
  ],
  slow: [
    'slow', 'sluggish', 'takes forever', 'minutes to load', 'latency', 'langsam', 'lento', 'lenta', ' lent', 'traag', 'wolno', 'powoli', 'langsamt', 'seg ',
  ],
  product_part: [
    ' api', 'webhook', 'integration', 'sync', 'export', 'import', 'upload', 'download', 'dashboard', ' app ', ' app', 'page', 'report', 'notification', 'csv', 'pdf', 'endpoint', 'deploy', 'release', 'update', 'server', 'browser', 'android', 'ios', 'iphone',
    'integracion', 'sincroniz', 'notificac', 'benachrichtig', 'synchronis', 'schnittstelle', 'integrat', 'koppeling', 'integracj', 'powiadomien', 'aviseringar', 'synkronis', 'aplicac', 'aplicativo', 'applicazione', 'aplikacj', 'appen',
  ],
  // other: questions, requests for something new, paperwork
  feature_request: [
    'feature', 'roadmap', 'suggest', 'would love', 'would be nice', 'wish', 'please add', 'could you add', 'can you add', 'support for', 'plan to support', 'dark mode',
    'funktion', 'vorschlag', 'wunsch', 'ware schon', 'sugerenc', 'sugerir', 'seria genial', 'suggestion', 'ce serait', 'sugest', 'seria otimo', 'suggeriment', 'sarebbe', 'suggestie', 'zou fijn', 'zou mooi', 'propozycj', 'bylo by', 'forslag', 'onskemal', 'vore bra',
  ],
  privacy_legal: [
    'gdpr', 'dsgvo', 'rgpd', ' avg ', 'rodo', 'personal data', 'my data', 'personenbezogen', 'meine daten', 'datos personales', 'mis datos', 'donnees personnelles', 'mes donnees', 'dados pessoais', 'meus dados', 'dati personali', 'miei dati', 'persoonsgegevens', 'mijn gegevens', 'dane osobowe', 'moje dane', 'personuppgifter', 'mina uppgifter',
    ' dpa', 'contract', 'legal', 'sub processor', 'subprocessor', 'soc 2', 'iso 27001', 'w 9', 'compliance', 'datenschutz', 'auftragsverarbeitung', 'privacidad', 'confidentialite', 'privacidade', 'privacy', 'privacybeleid', 'prywatnos', 'integritet',
    'consent', 'einwilligung', 'consentimiento', 'consentement', 'consentimento', 'consenso', 'toestemming', 'zgod', 'samtycke', 'hipaa', ' baa', 'lgpd', 'pentest', ' nda', ' iso ', 'wcag', 'accessib', 'barrierefrei', 'toegankelijk', 'tillganglig', 'dostepnos', 'zertifik', 'certificat', 'certificad', 'certyfikat', 'certifikat', 'data residency', 'hosted', 'gehost', 'hospedad', 'heberg', 'ospitat', 'lagras', 'przechowyw', 'backups', 'sauvegardes', 'residencia fiscal', 'auskunft', 'portabilidad', 'art 15',
  ],
  presales_question: [
    'do you offer', 'do you have', 'is there', 'is it possible', 'can i ', 'how do i', 'how can i', 'wondering', 'curious', 'question', 'partnership', 'partner', 'reseller', 'hiring', ' job', 'interview', 'thesis', 'training', 'webinar', 'newsletter', 'marketing', 'demo', 'trial', 'on premise', 'discount for', 'nonprofit', 'startup',
    'gibt es', 'bieten sie', 'haben sie', 'frage', 'tienen', 'ofrecen', 'hay ', 'pregunta', 'avez vous', 'proposez', 'y a t il', 'vous avez', 'question', 'voces tem', 'oferecem', 'existe', 'pergunta', 'avete', 'offrite', 'ce un', 'domanda', 'hebben jullie', 'bieden jullie', 'is er', 'vraag', 'czy macie', 'czy oferujecie', 'czy jest', 'pytanie', 'har ni', 'erbjuder ni', 'finns det', 'fraga',
  ],
  how_to: [
    'how do i', 'how can i', 'how to ', 'where do i', 'wie kann ich', 'wie richte ich', 'wie stelle ich', 'wo finde ich', 'kann man', 'como faco', 'como posso', 'como hago', 'como puedo', 'como se', 'comment faire', 'comment puis je', 'est il possible',
    'come faccio', 'come si', 'si puo', 'hoe kan ik', 'hoe pas ik', 'hoe stel ik', 'kan ik', 'jak ustawic', 'jak moge', 'jak zrobic', 'czy mozna', 'hur gor jag', 'hur lagger jag', 'hur byter jag', 'hur stanger jag', 'gar det att',
  ],
  solicitation: [
    'we offer', 'our services', 'reply now', 'click the link', 'price list', 'guaranteed', ' seo ', 'per hour', 'podcast', 'internship', ' cv ', 'resume', 'ofrecemos', 'le interesa', 'clique', 'ganhe', 'wij verkopen', 'interesse ', 'sprzedam', 'zainteresowani',
    'stagiaire', 'stage', 'afstudeer', 'praktik', 'staz', 'salon', 'stand ', 'alianza', 'reseller', 'revender', 'rivendit', 'wiederverk', 'aterforsalj', 'partnerprogram', 'programa de parceiros',
  ],
  praise: [
    'felicidades', 'felicita', 'complimenti', 'parabens', 'gratulacje', 'grattis', 'gefeliciteerd', 'gluckwunsch', 'top ', 'bravo', 'adorei', 'love it', 'loved',
    'thank', 'thanks', 'great work', 'fantastic', 'awesome', 'love the', 'helpful', 'kudos', 'danke', 'super', 'gracias', 'genial', 'merci', 'bravo', 'obrigad', 'otimo', 'grazie', 'ottimo', 'bedankt', 'geweldig', 'dziekuj', 'swietn', 'tack', 'toppen',
  ],
  // priority: urgency, and its opposite
  urgent: [
    'urgent', 'asap', 'immediately', 'right now', 'critical', 'emergency', 'production', ' prod ', 'all users', 'all customers', 'everyone', 'nobody', 'no one', 'whole team', 'entire', 'all our', 'every customer', 'losing', 'lost data', 'data loss', 'hacked', 'breach', 'security', 'compromised', 'blocked', 'deadline', 'today', 'now ',
    'dringend', 'sofort', 'kritisch', 'notfall', 'produktion', 'alle kunden', 'alle nutzer', 'niemand', 'ganze team', 'verlieren', 'gehackt', 'heute',
    'urgente', 'inmediat', 'critic', 'produccion', 'todos', 'nadie', 'perdiendo', 'hackead', 'hoy ',
    'immediat', 'critique', 'production', 'tous les', 'personne ne', 'perdons', 'pirat', 'aujourd',
    'imediat', 'producao', 'ninguem', 'perdendo', 'hoje',
    'subito', 'critico', 'produzione', 'tutti', 'nessuno', 'stiamo perdendo', 'hackerat', 'oggi',
    'spoed', 'direct', 'kritiek', 'productie', 'iedereen', 'verliezen', 'gehackt', 'vandaag',
    'pilne', 'pilnie', 'natychmiast', 'krytyczn', 'produkcj', 'wszyscy', 'nikt', 'tracimy', 'zhakowan', 'dzisiaj', 'dzis ',
    'bradskande', 'akut', 'omedelbart', 'kritisk', 'produktion', 'alla ', 'ingen kan', 'forlorar', 'hackad', 'idag',
    'overdrawn', 'overdraft', 'payroll', 'salaries', 'gehalter', 'nominas', 'salaires', 'salarios', 'stipendi', 'salarissen', 'wyplaty', 'loner', 'stalled', 'stilstand', 'ligt stil', 'stoi', 'fermi', 'parados', 'paradas', 'bloccati', 'ausgesperrt', 'ramp', 'disaster', 'katastroph', 'desastre', 'catastrof',
  ],
  intrusion: [
    'someone', 'somebody', 'not me', 'wasn t me', 'jemand', 'nicht ich', 'alguien', 'no fui yo', 'quelqu un', 'pas moi', 'alguem', 'nao fui eu', 'qualcuno', 'non sono stat', 'iemand', 'niet ik', 'ktos', 'to nie ja', 'nagon', 'inte jag',
    'stolen', 'gestohlen', 'robad', 'vole ', 'roubad', 'rubat', 'gestolen', 'skradzion', 'stulen', 'invadi', 'suspicious', 'verdachtig', 'sospechos', 'suspect', 'suspeit', 'sospett', 'podejrzan', 'misstankt', 'unknown device', 'unbekannt',
  ],
  deadline: [
    'deadline', 'cut off', 'due today', 'frist', 'fallig', 'plazo', 'vence', 'delai', 'echeance', 'prazo', 'scadenza', 'scade', 'termijn', 'uiterlijk', 'termin', 'sista dag', 'tidsfrist', 'before friday', 'by friday', 'bis freitag', 'antes del viernes', 'avant vendredi', 'ate sexta', 'entro venerdi', 'voor vrijdag', 'do piatku', 'fore fredag',
  ],
  calm: [
    'no rush', 'not urgent', 'when you get a chance', 'when you can', 'whenever', 'just curious', 'just wondering', 'fyi', 'quick question', 'minor', 'cosmetic', 'annoying',
    'keine eile', 'nicht dringend', 'wenn sie zeit', 'sin prisa', 'no es urgente', 'cuando pueda', 'pas urgent', 'rien d urgent', 'quand vous pourrez', 'sem pressa', 'nao e urgente', 'quando puder',
    'nessuna fretta', 'non e urgente', 'con calma', 'geen haast', 'niet dringend', 'geen spoed', 'nie pilne', 'bez pospiechu', 'nic pilnego', 'ingen brads', 'inte bradskande', 'ingen stress',
    'no big deal', 'not a big deal', 'small thing', 'kleinigkeit', 'nichts dringendes', 'eilt nicht', 'eilt aber nicht', 'rien de grave', 'nada urgente', 'ce n est pas presse', 'sin apuro', 'drobiazg', 'smasak', 'geen haast', 'kleine bug', 'just confusing',
  ],
};

/** One token per cue group found in the normalized text, e.g. "#money_back". */
export function cueTokens(normalized: string): string[] {
  const padded = ` ${normalized} `;
  return Object.entries(CUES)
    .filter(([, cues]) => cues.some((cue) => padded.includes(cue)))
    .map(([group]) => `#${group}`);
}
