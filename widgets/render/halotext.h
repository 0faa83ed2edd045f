#pragma once

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QPointF>
#include <QString>

class QPainter;

namespace spheres {

/// Text with a light halo, so that it reads over any fill: the map's labels, group names and
/// credit line. Raster devices get the label rendered once into an image and blitted, since
/// stroking a glyph outline each frame costs more than the rest of the map; vector devices get
/// real text over a stroked outline, so that it stays selectable and searchable.
class HaloText
{
public:
    explicit HaloText(QColor halo = Qt::white) : m_halo(halo) {}

    void draw(QPainter &painter, QPointF baseline, const QString &text, const QFont &font, const QColor &colour,
              double haloWidth) const;
    /// Forgets the rendered labels and sets the halo's colour (a new style).
    void setHalo(QColor halo)
    {
        m_halo = halo;
        m_images.clear();
    }

private:
    void drawVector(QPainter &painter, QPointF baseline, const QString &text, const QFont &font, const QColor &colour,
                    double haloWidth) const;

    QColor m_halo;
    mutable QHash<QString, QImage> m_images;
};

} // namespace spheres
