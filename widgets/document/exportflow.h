#pragma once

#include <QCoreApplication>

#include <memory>

class QMainWindow;

namespace spheres {

class Atlas;
class MapCanvas;
struct Brief;

/// File → Export…: the export dialog with its preview, the file name, then the map as shown or
/// every saved view as a briefing pack (with progress and Cancel), and how it ended, on the
/// window's status bar or in a message naming the file.
class ExportFlow
{
    Q_DECLARE_TR_FUNCTIONS(ExportFlow)

public:
    static void run(QMainWindow *window, const MapCanvas &canvas, const Brief &brief, std::shared_ptr<const Atlas> atlas);
};

} // namespace spheres
