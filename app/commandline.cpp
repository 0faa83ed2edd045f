#include "commandline.h"

#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace spheres {

QString CommandSpec::program() const
{
    return name.isEmpty() ? QStringLiteral("spheres") : QStringLiteral("spheres ") + name;
}

QString CommandSpec::usageLine() const
{
    QString line = QStringLiteral("Usage: ") + program() + QStringLiteral(" [options]");
    for (const Positional &p : positionals)
        line += u' ' + p.syntax;
    return line;
}

void CommandSpec::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(description);
    parser.addOption(helpOption());
    parser.addOptions(options);
    for (const Positional &p : positionals)
        parser.addPositionalArgument(p.name, p.description, p.syntax);
}

QCommandLineOption CommandSpec::helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              QCoreApplication::translate("CommandSpec", "Show this help and exit."));
}

QString CommandSpec::helpText(const QCommandLineParser &parser) const
{
    // Qt's usage line names the executable's path and not the command; the rest is Qt's layout.
    QString text = parser.helpText();
    const qsizetype end = text.indexOf(u'\n');
    return usageLine() + (end < 0 ? QString(u'\n') : text.mid(end));
}

const QCommandLineOption &CommandSpec::option(const QString &optionName) const
{
    for (const QCommandLineOption &o : options)
        if (o.names().contains(optionName))
            return o;
    qFatal("CommandSpec: no option --%s", qPrintable(optionName)); // a programming error
}

int usageError(const CommandSpec &spec, const QString &message)
{
    QTextStream(stderr) << spec.program() << ": " << message << Qt::endl
                        << QCoreApplication::translate("CommandSpec", "Try '%1 --help'.").arg(spec.program())
                        << Qt::endl;
    return exitCode(ExitCode::Usage);
}

int commandError(const CommandSpec &spec, const QString &message, ExitCode code)
{
    QTextStream(stderr) << spec.program() << ": " << message << Qt::endl;
    return exitCode(code);
}

ProgressLine::ProgressLine(QString unit) : m_unit(std::move(unit)), m_terminal(isatty(fileno(stderr)) == 1) {}

ProgressLine::~ProgressLine()
{
    if (m_pending)
        QTextStream(stderr) << u'\n' << Qt::flush;
}

void ProgressLine::report(int done, int total)
{
    const QString line = QStringLiteral("%1 / %2 %3").arg(done).arg(total).arg(m_unit);
    QTextStream err(stderr);
    if (m_terminal) {
        err << u'\r' << line << Qt::flush;
        m_pending = true;
    } else {
        err << line << Qt::endl;
    }
}

namespace {

QtMessageHandler g_defaultHandler = nullptr;

void filteringHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The offscreen platform's runtime directory is Qt's own business; the notice is noise.
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    g_defaultHandler(type, context, message);
}

} // namespace

void quietQtNoise()
{
    g_defaultHandler = qInstallMessageHandler(filteringHandler);
}

} // namespace spheres
