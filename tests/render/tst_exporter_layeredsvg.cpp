// The layered SVG: each layer a group an editor can hide, showing what lies beneath.
#include "tst_exporter.h"

#include <QXmlStreamWriter>

namespace {

/// `svg` without the groups named `ids` (top-level <g> elements), as an editor shows it with
/// those layers hidden: copied by an XML reader and writer.
QByteArray withoutGroups(const QByteArray &svg, const QStringList &ids)
{
    QByteArray out;
    QXmlStreamReader in(svg);
    QXmlStreamWriter writer(&out);
    while (!in.atEnd()) {
        in.readNext();
        if (in.isStartElement() && in.name() == u"g" && ids.contains(in.attributes().value(u"id"_s).toString())) {
            in.skipCurrentElement();
            continue;
        }
        writer.writeCurrentToken(in);
    }
    return out;
}

QImage drawnBack(const QByteArray &svg, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    QSvgRenderer(svg).render(&painter);
    return image;
}

/// The share of pixels that differ by more than the eye's small step in any channel:
/// antialiased edges differ between QSvgRenderer and the raster engine, areas must not.
double shareDiffering(const QImage &a, const QImage &b)
{
    qsizetype differing = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            differing += !near(a.pixelColor(x, y), b.pixelColor(x, y), 24);
    return double(differing) / (qsizetype(a.width()) * a.height());
}

} // namespace

void TestExporter::layeredSvgHidesOneLayerAtATime_data()
{
    QTest::addColumn<QString>("layer");
    QTest::addColumn<int>("year");
    QTest::addColumn<QPointF>("lonLat");     // a place the layer colours
    QTest::addColumn<bool>("landBeneath");   // hidden, the place shows the plain land
    QTest::newRow("none hidden") << QString() << 2026 << QPointF(116.40, 39.90) << false;
    QTest::newRow("SCO, Beijing, 2026") << u"sco"_s << 2026 << QPointF(116.40, 39.90) << true;
    QTest::newRow("SCO, Delhi, 2026") << u"sco"_s << 2026 << QPointF(77.21, 28.61) << true;
    QTest::newRow("SCO, Delhi, 2010 (observer)") << u"sco"_s << 2010 << QPointF(77.21, 28.61) << true;
    QTest::newRow("contested zones") << u"contested"_s << 2026 << QPointF(77.0, 34.5) << false;
    QTest::newRow("pipelines") << u"pipelines"_s << 2026 << QPointF(110.0, 50.0) << false;
    QTest::newRow("sites") << u"sites"_s << 2026 << QPointF(116.40, 39.90) << false;
}

/// Hiding a layer's group in an editor shows what the map shows without that layer: a
/// membership layer's group holds the land it colours, so the land beneath comes back.
void TestExporter::layeredSvgHidesOneLayerAtATime()
{
    QFETCH(QString, layer);
    QFETCH(int, year);
    QFETCH(QPointF, lonLat);
    QFETCH(bool, landBeneath);
    loadLayers();
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = QSize(960, 540);
    options.showLegend = false;
    ViewState view = options.fitted(homeView(options.pixelSize));
    view.year = year;
    const QByteArray svg = Exporter::svgDocument(MapRenderer(), *m_scene, view, options);
    QStringList hidden{u"selection"_s, u"labels"_s, u"legend"_s, u"furniture"_s}; // what a layer changes elsewhere
    ViewState without = view;
    if (!layer.isEmpty()) {
        QVERIFY2(svg.contains(QByteArray("id=\"layer-") + layer.toUtf8() + '"'), qPrintable(layer));
        hidden << u"layer-"_s + layer;
        without.hiddenLayers << layer;
    }
    const QImage edited = drawnBack(withoutGroups(svg, hidden), view.size);
    QImage expected(view.size, QImage::Format_ARGB32_Premultiplied);
    expected.fill(Qt::white);
    QPainter painter(&expected);
    MapRenderer().render(painter, *m_scene, without, MapRenderer::Passes(MapRenderer::Pass::Background) |
                                                         MapRenderer::Pass::Land | MapRenderer::Pass::Layers);
    painter.end();
    const double share = shareDiffering(edited, expected);
    QVERIFY2(share < 0.01, qPrintable(u"%1% of the pixels differ"_s.arg(share * 100, 0, 'f', 2)));
    const QPoint place = m_scene->pixelOf(view, lonLat)->toPoint();
    QCOMPARE(near(edited.pixelColor(place), MapStyle::standard().land, 3), landBeneath);
    m_scene->setLayers({});
}
