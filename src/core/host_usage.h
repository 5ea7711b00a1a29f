/* What this simulator process has used of the host: CPU time and page faults, for the
 * statistics that say what a feature costs (the statistics window, LightSSS's forks). */
#ifndef SNAPSIM_CORE_HOST_USAGE_H
#define SNAPSIM_CORE_HOST_USAGE_H

/* User + system CPU seconds of `who`: RUSAGE_SELF (this process), or RUSAGE_CHILDREN (its
 * children that were waited for, and theirs). */
double host_cpu_seconds(int who);
/* CPU seconds of the calling thread. */
double host_thread_cpu_seconds(void);
/* Minor page faults of this process so far (copy-on-write copies among them). */
long host_minor_faults(void);

#endif
