// The exporter tests' class and shared helpers: one program, tst_exporter, whose slots are
// defined by topic across tst_exporter*.cpp so that no file grows past 500 lines.
#pragma once

#include "atlas.h"
#include "briefingpack.h"
#include "exporter.h"
#include "exportoptions.h"
#include "geojsonreader.h"
#include "layerlegend.h"
#include "layerpainter.h"
#include "mapfurniture.h"
#include "membershipcomparison.h"
#include "maprenderer.h"
#include "pngencoder.h"
#include "polylinestroker.h"
#include "projectioncatalog.h"
#include "safetext.h"
#include "scene.h"
#include "sourcenumbering.h"
#include "viewlimits.h"
#include "../support/fulldisk.h"
#include "../support/pdftext.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include <numeric>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <functional>
#include <numbers>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

inline bool near(QColor a, QColor b, int tolerance = 6)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The ids of an SVG's groups, and the text of its <text> elements by the id of the
/// outermost named group they are in.
struct SvgOutline
{
    QStringList groups;
    QHash<QString, QStringList> texts;
    QString error;
};

inline SvgOutline outline(const QByteArray &svg)
{
    SvgOutline out;
    QXmlStreamReader xml(svg);
    QString group;
    int depth = 0, groupDepth = -1;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (xml.name() == u"g" && groupDepth < 0 && xml.attributes().hasAttribute(u"id"_s)) {
                group = xml.attributes().value(u"id"_s).toString();
                groupDepth = depth;
                out.groups << group;
            } else if (xml.name() == u"text") {
                out.texts[group] << xml.readElementText(QXmlStreamReader::IncludeChildElements);
                --depth;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == groupDepth) {
                groupDepth = -1;
                group.clear();
            }
            --depth;
        }
    }
    if (xml.hasError())
        out.error = xml.errorString();
    return out;
}

/// The bounding box of the pixels in which two pictures differ.
inline QRect difference(const QImage &a, const QImage &b)
{
    QRect box;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (!near(a.pixelColor(x, y), b.pixelColor(x, y), 2))
                box |= QRect(x, y, 1, 1);
    return box;
}


/// The length of `path`'s segments inside `rect`, by bisecting each segment against it.
inline double lengthInside(const QPainterPath &path, const QRectF &rect)
{
    const std::function<double(QPointF, QPointF, int)> inside = [&](QPointF a, QPointF b, int depth) -> double {
        if (!std::isfinite(a.x() + a.y() + b.x() + b.y()))
            return 0;
        const QRectF box = QRectF(a, b).normalized();
        if (box.right() < rect.left() || box.left() > rect.right() || box.bottom() < rect.top() || box.top() > rect.bottom())
            return 0;
        const double length = QLineF(a, b).length();
        if ((rect.contains(a) && rect.contains(b)) || depth > 1100)
            return length;
        const QPointF mid = (a + b) / 2;
        return inside(a, mid, depth + 1) + inside(mid, b, depth + 1);
    };
    double length = 0;
    for (const QPolygonF &line : path.toSubpathPolygons())
        for (qsizetype i = 1; i < line.size(); ++i)
            length += inside(line[i - 1], line[i], 0);
    return length;
}

inline qsizetype dashCount(const QList<QList<QPolygonF>> &lists)
{
    qsizetype n = 0;
    for (const QList<QPolygonF> &list : lists)
        n += list.size();
    return n;
}
} // namespace

class TestExporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pngDropsAlphaOnlyWhenOpaque_data();
    void pngDropsAlphaOnlyWhenOpaque();
    void pngHasSizeAndMap_data();
    void pngHasSizeAndMap();
    void everyProjectionFillsLandAndSea_data();
    void everyProjectionFillsLandAndSea();
    void selectionIsPainted();
    void noAntimeridianBands();
    void layersFollowTheYear_data();
    void layersFollowTheYear();
    void heldAreasTakeNoHoldersColour_data();
    void heldAreasTakeNoHoldersColour();
    void legendListsOnlyVisibleEntries();
    void comparisonOfBlocsIsDrawn_data();
    void comparisonOfBlocsIsDrawn();
    void comparisonLegendHasAnEntryPerCombination();
    void blocsHaveColoursOfTheirOwn();
    void zoneShowsEachClaimant_data();
    void zoneShowsEachClaimant();
    void legendListsClaimantsInView_data();
    void legendListsClaimantsInView();
    void fastStrokesLookLikeQts_data();
    void fastStrokesLookLikeQts();
    void dashesAreBoundedByTheVisibleLength_data();
    void dashesAreBoundedByTheVisibleLength();
    void dashesInsideAreAsIfAllWereVisible();
    void pipelinesAtTheFinestScaleCutFewDashes();
    void absurdSizeIsRefused_data();
    void absurdSizeIsRefused();
    void unwritablePathIsNamed();
    void styleScaleFollowsTheOutput_data();
    void styleScaleFollowsTheOutput();
    void eachFormatOpens_data();
    void eachFormatOpens();
    void fourKIsScaledUp();
    void exportedLegendListsVisibleEntries_data();
    void exportedLegendListsVisibleEntries();
    void creditsNameTheVisibleSources();
    void roundLengths_data();
    void roundLengths();
    void scaleBarMeasuresTheGround();
    void absurdOptionsAreRefused_data();
    void absurdOptionsAreRefused();
    void unwritablePathIsNamedInEveryFormat_data();
    void unwritablePathIsNamedInEveryFormat();
    void briefingPackDrawsTheViewsCharts_data();
    void briefingPackDrawsTheViewsCharts();
    void chartCellsShareTheArea_data();
    void chartCellsShareTheArea();
    void focusedClaimsGroupIsOutlinedAsOne_data();
    void focusedClaimsGroupIsOutlinedAsOne();
    void briefingPackNamesAClaimsGroups();
    void briefingPackListsTheClaimsOfASelectedRegionsGroups();
    void briefingPackFlowsLongTextOntoMorePages_data();
    void briefingPackFlowsLongTextOntoMorePages();
    void fullDiskKeepsTheOldFiles_data();
    void fullDiskKeepsTheOldFiles();
    void resultSaysHowAnExportEnded_data();
    void resultSaysHowAnExportEnded();
    void sitesShowInTheirPeriod_data();
    void sitesShowInTheirPeriod();
    void clickPicksTheSiteDrawnOnTop_data();
    void clickPicksTheSiteDrawnOnTop();
    void svgHasTheSitesGroupAndNames();
    void hostileTextStaysTextInSvg_data();
    void hostileTextStaysTextInSvg();
    void xmlDropsWhatXmlCannotHold_data();
    void xmlDropsWhatXmlCannotHold();
    void exportShowsTheCanvasGround_data();
    void exportShowsTheCanvasGround();
    void presetsHaveOneHome_data();
    void presetsHaveOneHome();
    void creditsTakeACorner_data();
    void creditsTakeACorner();
    void legendKeepsClearOfTheTitle_data();
    void legendKeepsClearOfTheTitle();
    void layeredSvgHidesOneLayerAtATime_data();
    void layeredSvgHidesOneLayerAtATime();

private:
    void loadLayers();
    ViewState homeView(QSize size) const;

    std::unique_ptr<Scene> m_scene;
    QTemporaryDir m_dir;
};
