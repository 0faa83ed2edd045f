#include "benchtools.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <ctime>

#include <sys/resource.h>

namespace bench {

bool g_cpuTime = false;

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpu = threadCpuMs();
        work();
        times.push_back(g_cpuTime ? threadCpuMs() - cpu : double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void report(const QString &what, double ms, const QString &target)
{
    QTextStream(stdout) << QStringLiteral("%1 %2  (target %3)").arg(what, -58).arg(
                               ms < 0.1 ? QStringLiteral("%1 µs").arg(ms * 1000, 8, 'f', 2) : QStringLiteral("%1 ms").arg(ms, 8, 'f', 2),
                               target)
                        << Qt::endl;
}

/// Milliseconds one run of `program` takes, start to exit.
double oneProcessMs(const QString &program, const QStringList &args)
{
    QElapsedTimer timer;
    timer.start();
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

/// CPU time (user and system, every thread) of the children waited for so far.
double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double processMs(int runs, const QStringList &args, const QByteArray &env)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        if (!env.isEmpty()) {
            QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
            e.insert(QString::fromLatin1(env), QStringLiteral("1"));
            p.setProcessEnvironment(e);
        }
        QElapsedTimer timer;
        timer.start();
        const double cpu = childrenCpuMs();
        p.start(QStringLiteral(SPHERES_BINARY), args);
        p.waitForFinished(60000);
        // --cpu: the process's own CPU time, not this thread's, which only waits for it.
        times.push_back(g_cpuTime ? childrenCpuMs() - cpu : double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

} // namespace bench
