#pragma once

#include "mapframe.h"

#include <QCoreApplication>

namespace spheres {

/// The claim in focus and the selected region: outlines over the land and the layers.
class SelectionPainter : public MapLayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(SelectionPainter)

public:
    QString group() const override { return QStringLiteral("selection"); }
    QString label() const override { return tr("Selection"); }
    MapPass pass() const override { return MapPass::Selection; }
    void paint(QPainter &painter, const MapFrame &frame) const override;

private:
    /// The groups a focused claim names (ViewState::highlightGroups): one dashed outline round
    /// the members drawn, with the group's name above it.
    static void paintGroupSettings(QPainter &painter, const MapFrame &frame);
    static void paintSelectedRegion(QPainter &painter, const MapFrame &frame);
};

/// Region and feature names, placed by the frame's layout.
class LabelsPainter : public MapLayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(LabelsPainter)

public:
    QString group() const override { return QStringLiteral("labels"); }
    QString label() const override { return tr("Labels"); }
    MapPass pass() const override { return MapPass::Labels; }
    void paint(QPainter &painter, const MapFrame &frame) const override;
};

/// The brief's annotations the view shows.
class AnnotationsPainter : public MapLayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(AnnotationsPainter)

public:
    QString group() const override { return QStringLiteral("annotations"); }
    QString label() const override { return tr("Annotations"); }
    MapPass pass() const override { return MapPass::Annotations; }
    void paint(QPainter &painter, const MapFrame &frame) const override;
};

/// The legend box, where the frame's layout puts it.
class LegendBoxPainter : public MapLayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(LegendBoxPainter)

public:
    QString group() const override { return QStringLiteral("legend"); }
    QString label() const override { return tr("Legend"); }
    MapPass pass() const override { return MapPass::Legend; }
    void paint(QPainter &painter, const MapFrame &frame) const override;
};

/// The base map's one-line credit in the bottom right corner. In an SVG it shares its group
/// with the exporter's title, scale bar and credits.
class CreditLinePainter : public MapLayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(CreditLinePainter)

public:
    QString group() const override { return QStringLiteral("furniture"); }
    QString label() const override { return tr("Title, scale and credits"); }
    MapPass pass() const override { return MapPass::Credits; }
    void paint(QPainter &painter, const MapFrame &frame) const override;
};

} // namespace spheres
