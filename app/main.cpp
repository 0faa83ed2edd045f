#include "appearance.h"
#include "commands.h"
#include "largepageheap.h"
#include "document/documentactions.h"
#include "mainwindow.h"
#include "manpage.h"
#include "map/mapcanvas.h"
#include "windowcommand.h"

#include <QApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <optional>

namespace {

/// Command-line work needs no display: use the offscreen platform unless one was chosen.
void preferOffscreen()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

int runCommand(const spheres::Command &command, int argc, char **argv)
{
    spheres::LargePageHeap::reserve(); // a short process: its heap in large pages, faulted in few times
    spheres::quietQtNoise();
    std::optional<QCoreApplication> core;
    std::optional<QApplication> gui; // export: the briefing pack's charts are Qt Charts widgets
    if (command.needsWidgets) {
        preferOffscreen();
        gui.emplace(argc, argv);
    } else {
        core.emplace(argc, argv); // text and JSON only: runs without any platform plugin
    }
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeAt(1); // the command's name
    return command.run(arguments);
}

int runWindow(const QString &briefPath, int argc, char **argv)
{
    std::optional<spheres::PlatformStartGuard> guard(std::in_place);
    QApplication app(argc, argv);
    guard.reset();
    QApplication::setApplicationName(QStringLiteral("Spheres"));
    QApplication::setOrganizationName(QStringLiteral("Spheres"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.spheres.Spheres")); // Wayland: the launcher's icon
    if (const auto appearance = spheres::Appearance::saved(); appearance != spheres::Appearance::Mode::System)
        spheres::Appearance::apply(appearance);
    spheres::MainWindow window;
    if (!window.loadBaseMap())
        return spheres::exitCode(spheres::ExitCode::Failed);
    // `spheres brief.json` (a double-click) opens that brief; otherwise the sample brief.
    // Only copies of the brief asked for are offered then: a second window opens that brief.
    if (!window.offerRecovery(briefPath) && (briefPath.isEmpty() || !window.documentActions()->openFile(briefPath)))
        window.openDefaultBrief();
    if (qEnvironmentVariableIsSet("SPHERES_QUIT_AFTER_FIRST_FRAME")) // for the benchmark and fresh-machine checks
        QObject::connect(window.canvas(), &spheres::MapCanvas::framePainted, &app, &QCoreApplication::quit,
                         Qt::QueuedConnection);
    // The build's AppStream screenshots: the window as a user first sees it, saved by the program itself.
    if (const QString screenshot = qEnvironmentVariable("SPHERES_SCREENSHOT"); !screenshot.isEmpty()) {
        window.resize(1600, 1000);
        QObject::connect(window.canvas(), &spheres::MapCanvas::framePainted, &app, [&window, &app, screenshot] {
            app.exit(window.grab().save(screenshot, "png") ? 0 : spheres::exitCode(spheres::ExitCode::Failed));
        }, Qt::QueuedConnection);
    }
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    const QStringList arguments = argumentsOf(argc, argv);
    if (arguments.size() > 1)
        if (const spheres::Command *command = spheres::findCommand(arguments.at(1)))
            return runCommand(*command, argc, argv);

    // Everything that needs no window is answered before a display is opened.
    using Action = spheres::WindowRequest::Action;
    const spheres::WindowRequest request = spheres::parseWindowArguments(arguments);
    switch (request.action) {
    case Action::Exit:
    case Action::PrintHelp:
        return request.exitCode;
    case Action::PrintVersion:
        QTextStream(stdout) << "spheres " << PROJECT_VERSION << Qt::endl;
        return 0;
    case Action::PrintManPage:
        QTextStream(stdout) << spheres::manPage(QStringLiteral(PROJECT_VERSION), QStringLiteral(SPHERES_RELEASE_DATE));
        return 0;
    case Action::OpenWindow:
        break;
    }
    if (const QString problem = spheres::missingDisplay(arguments); !problem.isEmpty()) {
        QTextStream(stderr) << "spheres: " << problem << Qt::endl;
        return spheres::exitCode(spheres::ExitCode::Failed);
    }
    return runWindow(request.briefPath, argc, argv);
}
