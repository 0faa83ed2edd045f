#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace spheres {

class MapCanvas;

/// The status bar's account of the map: the pointer's longitude and latitude, the scale, the
/// base map's level of detail and the projection, kept up to date as the view changes.
class MapStatus : public QObject
{
    Q_OBJECT
public:
    MapStatus(MapCanvas *canvas, QStatusBar *bar);

private:
    void update();

    MapCanvas *m_canvas;
    QLabel *m_cursor;
    QLabel *m_scale;
    QLabel *m_detail;
    QLabel *m_projection;
};

} // namespace spheres
