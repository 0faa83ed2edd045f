#include "windowcommand.h"

#include "commands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <cstdlib>

namespace spheres {

namespace {

/// The translation context of this command's messages.
struct WindowCommand
{
    Q_DECLARE_TR_FUNCTIONS(WindowCommand)
};

/// QGuiApplication's and QApplication's own options: QApplication takes them out of the
/// arguments, so they are accepted here without being ours to document beyond a mention.
QList<QCommandLineOption> qtWindowOptions()
{
    QList<QCommandLineOption> options;
    for (const char *name : {"platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry",
                             "qwindowicon", "qwindowtitle", "session", "display", "geometry", "style", "stylesheet"}) {
        QCommandLineOption option(QString::fromLatin1(name), QString(), QStringLiteral("value"));
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        options << option;
    }
    for (const char *name : {"reverse", "widgetcount", "nograb", "dograb", "sync"}) {
        QCommandLineOption option(QString::fromLatin1(name), QString());
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        options << option;
    }
    return options;
}

QString commandList()
{
    QString text = WindowCommand::tr("Commands (each has --help):") + u'\n';
    for (const Command &c : commands()) {
        const CommandSpec spec = c.spec();
        text += QStringLiteral("  %1%2\n").arg(spec.name.leftJustified(10), spec.summary);
    }
    return text;
}

/// The positional argument must be a brief; a bare word that is no file was meant as a command.
WindowRequest checkBriefArgument(const CommandSpec &spec, const QString &argument)
{
    const QFileInfo info(argument);
    if (info.exists() && !info.isDir())
        return {WindowRequest::Action::OpenWindow, argument, 0};
    const bool looksLikeAPath = argument.contains(u'/') || argument.contains(u'.');
    if (info.isDir())
        return {WindowRequest::Action::Exit, {},
                commandError(spec, WindowCommand::tr("%1: is a directory, not a brief").arg(argument))};
    if (looksLikeAPath)
        return {WindowRequest::Action::Exit, {}, commandError(spec, WindowCommand::tr("%1: no such file").arg(argument))};
    const Command *nearest = nearestCommand(argument);
    const QString message = nearest ? WindowCommand::tr("'%1' is not a command; did you mean '%2'?").arg(argument, nearest->spec().name)
                                    : WindowCommand::tr("'%1' is neither a command nor a brief file").arg(argument);
    return {WindowRequest::Action::Exit, {}, usageError(spec, message)};
}

} // namespace

CommandSpec windowCommandSpec()
{
    CommandSpec spec;
    spec.summary = WindowCommand::tr("Open the window.");
    spec.description =
        WindowCommand::tr("Spheres: an annotated map of spheres of influence in Eurasia and the Asia-Pacific, linked to the\n"
           "claims of an analyst's narrative. Without a command, opens the window on the brief given (or\n"
           "on the sample brief); with one, works on the command line and needs no display.\n\n")
        + commandList().chopped(1);
    spec.options = {QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")},
                                       WindowCommand::tr("Print the version and exit.")),
                    QCommandLineOption(QStringLiteral("manpage"), WindowCommand::tr("Print the manual page (roff) and exit."))};
    spec.options.last().setFlags(QCommandLineOption::HiddenFromHelp); // for the build, which installs it
    spec.options += qtWindowOptions();
    spec.positionals = {{QStringLiteral("brief"), WindowCommand::tr("A brief to open (.spheres.json)."), WindowCommand::tr("[brief]")}};
    return spec;
}

WindowRequest parseWindowArguments(const QStringList &arguments)
{
    const CommandSpec spec = windowCommandSpec();
    // A first word that is no option and no file was meant as a command ("spheres exprot --out …"):
    // say so before its options are taken for the window's.
    if (const QString first = arguments.value(1); !first.isEmpty() && !first.startsWith(u'-') && !QFileInfo::exists(first)
                                                  && !first.contains(u'/') && !first.contains(u'.'))
        return checkBriefArgument(spec, first);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions); // Qt's -platform, -style
    spec.configure(parser);
    if (!parser.parse(arguments))
        return {WindowRequest::Action::Exit, {}, usageError(spec, parser.errorText())};
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << spec.helpText(parser);
        return {WindowRequest::Action::PrintHelp, {}, 0};
    }
    if (parser.isSet(QStringLiteral("version")))
        return {WindowRequest::Action::PrintVersion, {}, 0};
    if (parser.isSet(QStringLiteral("manpage")))
        return {WindowRequest::Action::PrintManPage, {}, 0};
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return {WindowRequest::Action::Exit, {},
                usageError(spec, WindowCommand::tr("one brief at a time: unexpected \"%1\"").arg(positional.at(1)))};
    if (positional.isEmpty())
        return {};
    return checkBriefArgument(spec, positional.front());
}

QString missingDisplay(const QStringList &arguments)
{
    // A platform chosen by hand (-platform offscreen, QT_QPA_PLATFORM) is trusted: if it fails,
    // PlatformStartGuard says so.
    const bool platformChosen = arguments.contains(QStringLiteral("-platform"))
                                || arguments.contains(QStringLiteral("--platform"))
                                || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (platformChosen || !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return {};
    return WindowCommand::tr("cannot open the window: there is no display (DISPLAY and WAYLAND_DISPLAY are not set); "
              "the commands export, link and validate need none");
}

namespace {

QtMessageHandler g_previousHandler = nullptr;
QString g_platformProblem; ///< the platform plugin's own reason, e.g. "could not connect to display :9"

void platformFailureHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool fromThePlatform = context.category && QByteArrayView(context.category).startsWith("qt.qpa.");
    if (type == QtFatalMsg) {
        const QString reason = g_platformProblem.isEmpty() ? message.section(u'\n', 0, 0) : g_platformProblem;
        QTextStream(stderr) << "spheres: " << WindowCommand::tr("cannot open the window: %1").arg(reason) << Qt::endl;
        std::_Exit(1);
    }
    if (fromThePlatform) { // warnings and criticals alike: the first one is the reason
        if (g_platformProblem.isEmpty())
            g_platformProblem = message;
        return; // said in the one line above, if the start fails
    }
    g_previousHandler(type, context, message);
}

} // namespace

PlatformStartGuard::PlatformStartGuard()
{
    g_previousHandler = qInstallMessageHandler(platformFailureHandler);
}

PlatformStartGuard::~PlatformStartGuard()
{
    qInstallMessageHandler(g_previousHandler);
}

} // namespace spheres
