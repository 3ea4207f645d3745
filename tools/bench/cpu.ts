import { readdirSync, readFileSync } from 'node:fs';

// Linux reports CPU time in clock ticks; 100 a second on every kernel the bench runs on (getconf CLK_TCK).
const MS_PER_TICK = 10;

/** The live processes below `pid` (children, their children, ...), from /proc. */
function descendants(pid: number): number[] {
  const children: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  for (const tid of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/)) {
        if (child) children.push(Number(child), ...descendants(Number(child)));
      }
    } catch {
      // the thread ended while we read
    }
  }
  return children;
}

/** User + system CPU time a process has used, in ms (0 when it is gone). */
function processCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK; // utime, stime (fields 14 and 15 of the line)
  } catch {
    return 0;
  }
}

/** CPU ms used so far by a process and everything it started (a dev server under `timeout`, say). */
export function treeCpuMs(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, p) => sum + processCpuMs(p), 0);
}

/** CPU ms this process has used (it is the client in the bench). */
export function selfCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface CpuProbe {
  /** Per process, CPU ms since the probe was taken. */
  read(): Record<string, number>;
}

/** Starts counting the CPU of the named processes (and of this one, as "client"). */
export function cpuProbe(pids: Record<string, number>): CpuProbe {
  const start = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, treeCpuMs(pid)]));
  const client = selfCpuMs();
  return {
    read: () => ({
      ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, treeCpuMs(pid) - start[name]!])),
      client: selfCpuMs() - client,
    }),
  };
}
