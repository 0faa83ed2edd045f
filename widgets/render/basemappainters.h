#pragma once

#include "mapframe.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace spheres {

/// The ocean inside the globe's outline, space beyond it, and the graticule.
class OceanPainter : public MapLayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(OceanPainter)

public:
    QString group() const override { return QStringLiteral("basemap"); }
    QString label() const override { return tr("Base map"); }
    MapPass pass() const override { return MapPass::Background; }
    void paint(QPainter &painter, const MapFrame &frame) const override;
};

/// The land: each region filled, in the colours the membership layers give it, and outlined.
/// On screen one painter colours the land with every shown membership layer at once (opaque,
/// pre-blended: one fill per region). The layered SVG has the plain land in the base map's
/// group and one painter per membership layer, drawing only the regions that layer changes, in
/// the colour the layers up to it give them, so that hiding its group shows what lies beneath.
class LandPainter : public MapLayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(LandPainter)

public:
    /// All land, coloured by `colouredBy` (membership layer ids, bottom to top).
    explicit LandPainter(QStringList colouredBy) : m_colouredBy(std::move(colouredBy)) {}
    /// Only the regions that `layerId`, laid over `below`, colours differently: its SVG group.
    LandPainter(const QString &layerId, QString layerTitle, QStringList below);

    QString group() const override { return m_layerId.isEmpty() ? QStringLiteral("basemap") : QStringLiteral("layer-") + m_layerId; }
    QString label() const override { return m_layerId.isEmpty() ? tr("Base map") : m_layerTitle; }
    MapPass pass() const override { return MapPass::Land; }
    void paint(QPainter &painter, const MapFrame &frame) const override;

private:
    QStringList m_colouredBy;
    std::optional<QStringList> m_below; ///< set: draw only what differs from the land coloured by these
    QString m_layerId, m_layerTitle;
};

} // namespace spheres
