#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QActionGroup;

namespace spheres {

class Atlas;
class ContextPanel;
class LayersPanel;
class MapCanvas;
class TimeSlider;

/// Assembles the canvas, the docks, the menus and the status bar; behaviour lives in them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Loads the built-in base map; shows a message and returns false if it cannot.
    bool loadBaseMap();
    MapCanvas *canvas() const { return m_canvas; }
    ContextPanel *contextPanel() const { return m_context; }
    LayersPanel *layersPanel() const { return m_layersPanel; }
    TimeSlider *timeSlider() const { return m_timeSlider; }
    /// Adds a GeoJSON file as a layer; returns an error message (naming the file), or empty.
    QString addLayerFile(const QString &path);

private:
    void createMenus();
    void updateStatus();
    void exportPng();
    void chooseLayerFile();
    void layersChanged();

    MapCanvas *m_canvas = nullptr;
    ContextPanel *m_context = nullptr;
    LayersPanel *m_layersPanel = nullptr;
    TimeSlider *m_timeSlider = nullptr;
    QLabel *m_cursorLabel = nullptr;
    QLabel *m_scaleLabel = nullptr;
    QLabel *m_projectionLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
    QActionGroup *m_projectionGroup = nullptr;
    std::shared_ptr<const Atlas> m_atlas;
};

} // namespace spheres
