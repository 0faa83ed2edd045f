#pragma once

#include "exportoptions.h"
#include "maprenderer.h"
#include "viewstate.h"

#include <QImage>
#include <QWidget>

namespace spheres {

class Scene;

/// The export dialog's live preview: the page the export will make — map, paper round its
/// frame, title, legend, scale bar, credits — drawn by the exporter itself, scaled down.
class ExportPreview : public QWidget
{
public:
    explicit ExportPreview(QWidget *parent = nullptr);

    /// The map to export: the window's renderer (in the export's style), its scene and view.
    void setMap(const MapRenderer &renderer, const Scene *scene, const ViewState &view);
    void setOptions(const ExportOptions &options);
    /// The page of the export, scaled to fit `box`; null without a map.
    QImage picture(QSize box) const;

    QSize sizeHint() const override { return {440, 320}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    MapRenderer m_renderer;
    const Scene *m_scene = nullptr;
    ViewState m_view;
    ExportOptions m_options;
    QImage m_picture; ///< drawn on the first paint after a change
    QSize m_pictureBox;  ///< the box it was drawn for
};

} // namespace spheres
