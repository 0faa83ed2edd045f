#include "overlaypainters.h"

#include "annotationpainter.h"
#include "basemapcredit.h"
#include "framelayout.h"
#include "halotext.h"
#include "legendpainter.h"
#include "mapstyle.h"
#include "polylinestroker.h"
#include "scene.h"
#include "viewstate.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QSet>

#include <cmath>

namespace spheres {

namespace {

/// The name of a group a claim names, centred above its members' outline, kept on the map.
void paintGroupName(QPainter &painter, const MapFrame &frame, const QString &name, const QPainterPath &outline)
{
    const MapStyle &style = frame.style();
    const ViewState &view = frame.view();
    QFont font(style.fontFamily);
    font.setPixelSize(int(std::lround(style.labelPointSize * 1.3 * view.styleScale)));
    font.setBold(true);
    font.setItalic(true);
    const QRectF box = outline.boundingRect().intersected(QRectF(QPointF(0, 0), QSizeF(view.size)));
    const double textWidth = QFontMetricsF(font).horizontalAdvance(name);
    const QPointF baseline(std::clamp(box.center().x() - textWidth / 2, 2.0, std::max(2.0, view.size.width() - textWidth - 2)),
                           std::max(box.top() - 4 * view.styleScale, QFontMetricsF(font).ascent() + 2));
    frame.halo().draw(painter, baseline, name, font, style.groupOutline, 3.0 * view.styleScale);
}

} // namespace

void SelectionPainter::paint(QPainter &painter, const MapFrame &frame) const
{
    const ViewState &view = frame.view();
    const MapStyle &style = frame.style();
    const QList<Region> &regions = frame.scene().levelFor(view.metresPerPixel).atlas().regions();
    // The claim in focus: a colour no layer uses, on a light casing, so that outlined coasts never
    // read as pipelines. Members lit only through a group named as a setting get the group's
    // outline instead (paintGroupSettings).
    QSet<QString> viaGroup;
    for (const QString &id : view.highlightGroups)
        if (const RegionGroup *g = frame.scene().coarse().atlas().group(id))
            viaGroup.unite(QSet<QString>(g->members.begin(), g->members.end()));
    const QPen casing = mapPen(style.focusCasing, style.selectionWidth * 1.6 * view.styleScale);
    const QPen focusPen = mapPen(style.focusOutline, style.selectionWidth * 0.8 * view.styleScale);
    for (const QPen &p : {casing, focusPen})
        for (int i = 0; i < regions.size(); ++i)
            if (view.highlightRegions.contains(regions[i].code) && !viaGroup.contains(regions[i].code))
                if (const QPainterPath path = frame.regionPath(i); !path.isEmpty())
                    PolylineStroker::stroke(painter, path, p);
    paintGroupSettings(painter, frame);
    paintSelectedRegion(painter, frame);
}

void SelectionPainter::paintGroupSettings(QPainter &painter, const MapFrame &frame)
{
    const ViewState &view = frame.view();
    const Atlas &atlas = frame.scene().levelFor(view.metresPerPixel).atlas();
    for (const QString &id : view.highlightGroups) {
        const RegionGroup *group = atlas.group(id);
        if (!group)
            continue;
        QPainterPath members;
        members.setFillRule(Qt::WindingFill);
        for (const QString &code : group->members)
            if (const int i = atlas.indexOf(code); i >= 0)
                members.addPath(frame.regionPath(i));
        if (members.isEmpty())
            continue;
        // One outline round the whole: the borders between members are no part of the setting.
        const QPainterPath outline = members.simplified();
        QPen groupPen = mapPen(frame.style().groupOutline, frame.style().selectionWidth * view.styleScale);
        groupPen.setDashPattern({4, 2});
        painter.save();
        painter.setBrush(Qt::NoBrush);
        painter.setPen(groupPen);
        painter.drawPath(outline);
        painter.restore();
        paintGroupName(painter, frame, group->name, outline);
    }
}

void SelectionPainter::paintSelectedRegion(QPainter &painter, const MapFrame &frame)
{
    const ViewState &view = frame.view();
    if (view.selectedRegion.isEmpty())
        return;
    const int i = frame.scene().levelFor(view.metresPerPixel).atlas().indexOf(view.selectedRegion);
    if (i < 0)
        return;
    const QPainterPath path = frame.regionPath(i);
    if (path.isEmpty())
        return;
    painter.setRenderHint(QPainter::Antialiasing, false); // the outline below covers the edge
    painter.fillPath(path, frame.style().selectionFill);
    painter.setRenderHint(QPainter::Antialiasing, true);
    PolylineStroker::stroke(painter, path, mapPen(frame.style().selectionOutline, frame.style().selectionWidth * view.styleScale));
}

void LabelsPainter::paint(QPainter &painter, const MapFrame &frame) const
{
    for (const PlacedLabel &label : frame.layout().labels())
        frame.halo().draw(painter, label.baseline, label.text, label.font, frame.style().label, 3.0 * frame.view().styleScale);
}

void AnnotationsPainter::paint(QPainter &painter, const MapFrame &frame) const
{
    AnnotationPainter::paint(painter, frame.layout().annotations(), frame.view(), frame.style());
}

void LegendBoxPainter::paint(QPainter &painter, const MapFrame &frame) const
{
    LegendPainter::paint(painter, frame.layout().legend(), frame.view(), frame.style());
}

void CreditLinePainter::paint(QPainter &painter, const MapFrame &frame) const
{
    const ViewState &view = frame.view();
    QFont font(frame.style().fontFamily);
    font.setPixelSize(std::max(1, int(std::lround(9 * view.styleScale))));
    const QString text = BaseMapCredit::sentence();
    const QFontMetricsF metrics(font);
    const double margin = 6 * view.styleScale;
    const QPointF baseline(view.size.width() - margin - metrics.horizontalAdvance(text),
                           view.size.height() - margin - metrics.descent());
    frame.halo().draw(painter, baseline, text, font, frame.style().credit, 3.0 * view.styleScale);
}

} // namespace spheres
