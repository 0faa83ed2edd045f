#include "exportcommand.h"
#include "linkcommand.h"
#include "documentactions.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "validatecommand.h"

#include <QApplication>
#include <QGuiApplication>

#include <cstring>

namespace {

bool isCommand(int argc, char **argv, const char *name) { return argc > 1 && std::strcmp(argv[1], name) == 0; }

/// Command-line work needs no display: use the offscreen platform unless one was chosen.
void preferOffscreen()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

} // namespace

int main(int argc, char **argv)
{
    if (isCommand(argc, argv, "export")) {
        preferOffscreen();
        QApplication app(argc, argv); // not only Gui: the briefing pack's charts are Qt Charts widgets
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1); // "export"
        return spheres::runExportCommand(arguments);
    }
    // Text and JSON only: no GUI application, so these run without any platform plugin.
    for (const auto &[name, run] : {std::pair{"link", &spheres::runLinkCommand},
                                    std::pair{"validate", &spheres::runValidateCommand}}) {
        if (isCommand(argc, argv, name)) {
            QCoreApplication app(argc, argv);
            QStringList arguments = QCoreApplication::arguments();
            arguments.removeAt(1); // the command's name
            return run(arguments);
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Spheres"));
    QApplication::setOrganizationName(QStringLiteral("Spheres"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.spheres.Spheres")); // Wayland: the launcher's icon
    spheres::MainWindow window;
    if (!window.loadBaseMap())
        return 1;
    // `spheres brief.json` (a double-click) opens that brief; otherwise the sample brief.
    const QStringList arguments = QApplication::arguments();
    const QString briefPath = arguments.size() > 1 && !arguments.at(1).startsWith(u'-') ? arguments.at(1) : QString();
    // Only copies of the brief asked for are offered then: a second window opens that brief.
    if (!window.offerRecovery(briefPath) && (briefPath.isEmpty() || !window.documentActions()->openFile(briefPath)))
        window.openDefaultBrief();
    if (qEnvironmentVariableIsSet("SPHERES_QUIT_AFTER_FIRST_FRAME")) // for the benchmark
        QObject::connect(window.canvas(), &spheres::MapCanvas::framePainted, &app, &QCoreApplication::quit,
                         Qt::QueuedConnection);
    window.show();
    return app.exec();
}
