#pragma once

#include "exportoptions.h"
#include "mapframe.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QRect>

class QXmlStreamWriter;

namespace spheres {

class MapRenderer;
class Scene;
struct ViewState;

/// The SVG of an export as layers an editor (Inkscape, Illustrator) lists: one group per part
/// of the map, as each MapLayerPainter declares it ("basemap", "layer-<id>", "selection",
/// "labels", "annotations", "legend", "furniture"; "paper" round a framed map), bottom to top.
/// Membership layers get a painter each (MapRenderer::Layering::Separate), so hiding one's
/// group shows the land as the layers beneath colour it.
///
/// QSvgGenerator cannot name groups: each group is drawn into its own in-memory document, and
/// their contents are copied into one by an XML reader and writer, so that whatever a title, a
/// label or an id says, it is text or an attribute value, never markup.
class LayeredSvg
{
    Q_DECLARE_TR_FUNCTIONS(LayeredSvg)

public:
    /// `frame`: where the map lies on a page of `size` (the whole of it when unframed).
    LayeredSvg(const MapRenderer &renderer, const Scene &scene, const ViewState &view, const ExportOptions &options,
               QRect frame, QSize size);

    QByteArray document() const;

private:
    struct Group
    {
        QString id, label;
        QList<const MapLayerPainter *> parts;
    };
    QList<Group> groups(const MapLayerPainters &parts) const;
    void writeHead(QXmlStreamWriter &out) const;
    QString drawn(const Group &group, const MapFrame &frame) const;

    const MapRenderer &m_renderer;
    const Scene &m_scene;
    const ViewState &m_view;
    const ExportOptions &m_options;
    QRect m_frame;
    QSize m_size;
};

} // namespace spheres
