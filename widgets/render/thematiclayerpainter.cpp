#include "thematiclayerpainter.h"

#include "layerpainter.h"
#include "mapstyle.h"
#include "projectedlayer.h"

namespace spheres {

QString ThematicLayerPainter::group() const
{
    return QStringLiteral("layer-") + m_layer.layer->id;
}

QString ThematicLayerPainter::label() const
{
    return m_layer.layer->title;
}

void ThematicLayerPainter::paint(QPainter &painter, const MapFrame &frame) const
{
    LayerPainter::paintLayer(painter, m_layer, frame.view(), frame.toScreen(), frame.style().layers);
}

} // namespace spheres
