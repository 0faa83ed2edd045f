#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

/// What every figure of spheres_bench is measured and printed with.
namespace bench {

/// --cpu: the thread's CPU time instead of wall time (a whole process's: its own).
extern bool g_cpuTime;
double threadCpuMs();
/// The median of `runs` runs of `work`, in milliseconds.
double medianMs(int runs, const std::function<void()> &work);
/// One figure, on one line: what, how long, and its target.
void report(const QString &what, double ms, const QString &target);
/// Milliseconds one run of `program` takes, start to exit.
double oneProcessMs(const QString &program, const QStringList &args);
double median(std::vector<double> values);
/// The median of `runs` whole runs of `spheres args`, with the variable `env` set to 1 if given;
/// under --cpu, the process's CPU time (all its threads), not the waiting thread's.
double processMs(int runs, const QStringList &args, const QByteArray &env = {});

} // namespace bench
