// Each export format and the map's furniture: style scale, legend, credits, scale bar, presets.

#include "tst_exporter.h"

void TestExporter::pngDropsAlphaOnlyWhenOpaque_data()
{
    QTest::addColumn<QColor>("corner"); // one pixel's colour; the rest is opaque blue
    QTest::addColumn<bool>("alphaKept");
    QTest::newRow("opaque map") << QColor(Qt::red) << false;
    QTest::newRow("one see-through pixel") << QColor(255, 0, 0, 128) << true;
    QTest::newRow("transparent pixel") << QColor(Qt::transparent) << true;
}

void TestExporter::pngDropsAlphaOnlyWhenOpaque()
{
    QFETCH(QColor, corner);
    QFETCH(bool, alphaKept);
    QImage image(64, 48, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(20, 60, 200));
    image.setPixelColor(63, 47, corner);
    QByteArray png = PngEncoder::encode(image);
    QBuffer buffer(&png);
    QImageReader reader(&buffer, "png");
    const QImage back = reader.read();
    QCOMPARE(back.hasAlphaChannel(), alphaKept);
    // The same pixels either way.
    QCOMPARE(back.convertToFormat(QImage::Format_ARGB32), image.convertToFormat(QImage::Format_ARGB32));
}

void TestExporter::styleScaleFollowsTheOutput_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<int>("format");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    using P = ExportOptions::Preset;
    using F = ExportOptions::Format;
    QTest::newRow("1080p png") << int(P::Hd1080) << int(F::Png) << QSize(1920, 1080) << 1.0;
    QTest::newRow("4K png") << int(P::Uhd4k) << int(F::Png) << QSize(3840, 2160) << 2.0;
    QTest::newRow("A4 pdf") << int(P::A4) << int(F::Pdf) << QSize(3508, 2480) << 300 / 96.0;
    QTest::newRow("Letter png") << int(P::Letter) << int(F::Png) << QSize(3300, 2550) << 300 / 96.0;
}

void TestExporter::styleScaleFollowsTheOutput()
{
    QFETCH(int, preset);
    QFETCH(int, format);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    const ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset(preset), ExportOptions::Format(format));
    QCOMPARE(options.outputSize(), size);
    QCOMPARE(options.styleScale(), scale);
    // The fitted view shows the same ground as a 1080p view of the same place, in a frame of
    // its proportions on paper of others.
    const ViewState view = options.fitted(homeView(QSize(1920, 1080)));
    const QSize frame = ExportOptions::mapFrame(QSize(1920, 1080), size).size();
    QCOMPARE(view.size, frame);
    QCOMPARE(view.styleScale, scale);
    QVERIFY(qFuzzyCompare(view.metresPerPixel * std::min(frame.width() / 1920.0, frame.height() / 1080.0),
                          homeView(QSize(1920, 1080)).metresPerPixel));
    ExportOptions small;
    small.pixelSize = QSize(640, 480);
    QCOMPARE(small.styleScale(), 1.0); // small pictures keep legible text
}

void TestExporter::eachFormatOpens_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("size");
    QTest::newRow("png") << u"map.png"_s << QSize(1600, 900);
    QTest::newRow("svg") << u"map.svg"_s << QSize(1600, 900);
    QTest::newRow("pdf") << u"map.pdf"_s << QSize(1600, 900);
    QTest::newRow("PDF upper case") << u"MAP.PDF"_s << QSize(1200, 800);
}

void TestExporter::eachFormatOpens()
{
    QFETCH(QString, file);
    QFETCH(QSize, size);
    loadLayers();
    ExportOptions options;
    options.format = *ExportOptions::formatOf(file);
    options.pixelSize = size;
    options.title = u"Spheres of influence"_s;
    options.subtitle = u"Eurasia, 2026"_s;
    options.caption = u"Membership, contested areas & pipelines as of the view's year."_s;
    const QString path = m_dir.filePath(file);
    const Exporter::Result result = Exporter::exportTo(MapRenderer(), *m_scene, homeView(size), options, path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QByteArray bytes = readAll(path);
    switch (options.format) {
    case ExportOptions::Format::Png: {
        const QImage image = QImage::fromData(bytes, "png");
        QCOMPARE(image.size(), size);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, "the picture is blank or nearly so");
        break;
    }
    case ExportOptions::Format::Svg: {
        QSvgRenderer svg(bytes);
        QVERIFY(svg.isValid());
        QCOMPARE(svg.viewBox(), QRect(QPoint(0, 0), size));
        const SvgOutline o = outline(bytes);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.groups, (QStringList{u"basemap"_s, u"layer-sco"_s, u"layer-contested"_s, u"layer-pipelines"_s,
                                        u"layer-sites"_s, u"selection"_s, u"labels"_s, u"legend"_s, u"furniture"_s}));
        QVERIFY2(o.texts.value(u"labels"_s).contains(u"China"_s), qPrintable(o.texts.value(u"labels"_s).join(u", ")));
        QVERIFY(o.texts.value(u"furniture"_s).contains(u"Spheres of influence"_s));
        QVERIFY(bytes.contains("inkscape:label=\"Energy pipelines\""));
        // Drawn back, the SVG is a map, not a blank page.
        QImage back(size, QImage::Format_ARGB32_Premultiplied);
        back.fill(Qt::white);
        QPainter painter(&back);
        svg.render(&painter);
        painter.end();
        const QPointF beijing = *m_scene->pixelOf(homeView(size), {116.40, 39.90});
        QVERIFY(!near(back.pixelColor(beijing.toPoint()), Qt::white));
        // Vectors only: no raster caches (labels, stripes) leak into an SVG.
        QVERIFY(!bytes.contains("<image") && !bytes.contains("<pattern"));
        break;
    }
    case ExportOptions::Format::Pdf: {
        QVERIFY(bytes.startsWith("%PDF-"));
        const qsizetype pages = bytes.count("/Type /Page") - bytes.count("/Type /Pages");
        QCOMPARE(pages, qsizetype(1));
        QVERIFY(bytes.contains("/Title")); // in the Info dictionary
        break;
    }
    }
    m_scene->setLayers({});
}

void TestExporter::fourKIsScaledUp()
{
    loadLayers();
    const ViewState view = homeView(QSize(1920, 1080));
    // The legend's box is where a picture with the legend differs from one without.
    auto legendBox = [&](ExportOptions::Preset preset) {
        ExportOptions options = ExportOptions::forPreset(preset, ExportOptions::Format::Png);
        options.showCredits = options.showScaleBar = false;
        const QString with = m_dir.filePath(u"with.png"_s), without = m_dir.filePath(u"without.png"_s);
        const bool ok = Exporter::exportTo(MapRenderer(), *m_scene, view, options, with).ok();
        options.showLegend = false;
        return ok && Exporter::exportTo(MapRenderer(), *m_scene, view, options, without).ok()
                   ? difference(QImage(with), QImage(without))
                   : QRect();
    };
    const QRect hd = legendBox(ExportOptions::Preset::Hd1080), uhd = legendBox(ExportOptions::Preset::Uhd4k);
    QVERIFY2(hd.width() > 100 && hd.height() > 60, qPrintable(u"%1x%2"_s.arg(hd.width()).arg(hd.height())));
    for (const auto &[large, small] : {std::pair{uhd.width(), hd.width()}, std::pair{uhd.height(), hd.height()},
                                       std::pair{1080 * 2 - uhd.top(), 1080 - hd.top()}})
        QVERIFY2(std::abs(large - 2.0 * small) <= 0.06 * 2 * small, qPrintable(u"%1 vs %2"_s.arg(large).arg(small)));
    m_scene->setLayers({});
}

void TestExporter::exportedLegendListsVisibleEntries_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("2010") << 2010 << QStringList{} << QStringList{u"SCO member"_s, u"SCO observer"_s}
                          << QStringList{u"SCO partner"_s};
    QTest::newRow("2026") << 2026 << QStringList{} << QStringList{u"SCO member"_s, u"SCO partner"_s}
                          << QStringList{u"SCO observer"_s};
    QTest::newRow("pipelines only") << 2026 << QStringList{u"sco"_s, u"contested"_s} << QStringList{}
                                    << QStringList{u"SCO member"_s, u"Contested zone (stripes: claimants; outline: administrator)"_s,
                                                   u"Vietnam"_s};
    QTest::newRow("claimants") << 2026 << QStringList{} << QStringList{u"China"_s, u"Vietnam"_s} << QStringList{};
    // Sites: the kinds that exist in the year, and what a hollow symbol means while one is being built.
    QTest::newRow("sites 2002") << 2002 << QStringList{} << QStringList{}
                                << QStringList{u"LNG plant"_s, u"Military base"_s, u"Port"_s};
    QTest::newRow("sites 2005") << 2005 << QStringList{} << QStringList{u"LNG plant"_s, u"Military base"_s,
                                                                        u"Site planned or under construction"_s}
                                << QStringList{u"Port"_s};
    QTest::newRow("sites 2010") << 2010 << QStringList{} << QStringList{u"LNG plant"_s, u"Military base"_s, u"Port"_s}
                                << QStringList{u"Site planned or under construction"_s};
    QTest::newRow("sites hidden") << 2026 << QStringList{u"sites"_s} << QStringList{}
                                  << QStringList{u"LNG plant"_s, u"Military base"_s, u"Port"_s};
}

void TestExporter::exportedLegendListsVisibleEntries()
{
    QFETCH(int, year);
    QFETCH(QStringList, hidden);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    loadLayers();
    ViewState view = homeView(QSize(1280, 720));
    view.year = year;
    view.hiddenLayers = hidden;
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = view.size;
    const SvgOutline o = outline(Exporter::svgDocument(MapRenderer(), *m_scene, options.fitted(view), options));
    const QStringList legend = o.texts.value(u"legend"_s);
    QVERIFY(!legend.isEmpty());
    for (const QString &entry : present)
        QVERIFY2(legend.contains(entry), qPrintable(entry));
    for (const QString &entry : absent)
        QVERIFY2(!legend.contains(entry), qPrintable(entry));
    for (const QString &layer : hidden)
        QVERIFY(!o.groups.contains(u"layer-"_s + layer));
    m_scene->setLayers({});
}

void TestExporter::creditsNameTheVisibleSources()
{
    loadLayers();
    ViewState view = homeView(QSize(1920, 1080));
    QStringList credits = MapFurniture::credits(*m_scene, view);
    QCOMPARE(credits.value(0), u"Natural Earth"_s);
    QCOMPARE(QSet<QString>(credits.begin(), credits.end()).size(), credits.size()); // deduplicated
    QVERIFY2(credits.join(u'\n').contains(u"Gazprom (2025)"_s), qPrintable(credits.join(u'\n')));
    const QList<Source> sources = MapFurniture::visibleSources(*m_scene, view);
    QVERIFY(std::any_of(sources.begin(), sources.end(), [](const Source &s) {
        return s.title == u"Power of Siberia" && s.publisher == u"Gazprom" && s.date == u"2025";
    }));
    QCOMPARE(QSet<QString>(credits.begin(), credits.end()).size(), credits.size());
    view.hiddenLayers << u"pipelines"_s;
    credits = MapFurniture::credits(*m_scene, view);
    QVERIFY(!credits.join(u'\n').contains(u"Gazprom"_s));
    view.hiddenLayers << u"sco"_s << u"contested"_s;
    QCOMPARE(MapFurniture::credits(*m_scene, view), QStringList{u"Natural Earth"_s});
    m_scene->setLayers({});
}

void TestExporter::roundLengths_data()
{
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("round");
    QTest::newRow("1234 m") << 1234.0 << 1000.0;
    QTest::newRow("2500 m") << 2500.0 << 2000.0;
    QTest::newRow("999 km") << 999e3 << 500e3;
    QTest::newRow("1000 km") << 1000e3 << 1000e3;
    QTest::newRow("73 m") << 73.0 << 50.0;
}

void TestExporter::roundLengths()
{
    QFETCH(double, max);
    QFETCH(double, round);
    QCOMPARE(MapFurniture::roundLength(max), round);
}

void TestExporter::scaleBarMeasuresTheGround()
{
    const ViewState view = homeView(QSize(1920, 1080));
    // LAEA keeps areas, and near its centre lengths too: the ground scale is close to metresPerPixel.
    const double ground = MapFurniture::groundMetresPerPixel(*m_scene, view);
    QVERIFY2(std::abs(ground / view.metresPerPixel - 1) < 0.1, qPrintable(QString::number(ground / view.metresPerPixel)));
    const MapFurniture::ScaleBar bar = MapFurniture::scaleBar(*m_scene, view, 180);
    QVERIFY(bar.pixels <= 180 && bar.pixels > 180 / 2.5 - 1);
    QCOMPARE(bar.label, u"%1 km"_s.arg(bar.metres / 1000));
    QCOMPARE(MapFurniture::roundLength(bar.metres), bar.metres);
}


void TestExporter::exportShowsTheCanvasGround_data()
{
    QTest::addColumn<QSize>("canvas");
    QTest::addColumn<int>("preset");
    using P = ExportOptions::Preset;
    QTest::newRow("16:9 canvas, slides") << QSize(1600, 900) << int(P::Hd1080);
    QTest::newRow("squarish canvas, slides") << QSize(1000, 800) << int(P::Hd1080);
    QTest::newRow("wide canvas, slides") << QSize(1700, 700) << int(P::Hd1080);
    QTest::newRow("canvas, portrait screen") << QSize(1200, 800) << int(P::Hd1080Portrait);
    QTest::newRow("canvas, A4 portrait") << QSize(1200, 800) << int(P::A4Portrait);
    QTest::newRow("canvas, Letter landscape") << QSize(1200, 800) << int(P::Letter);
    QTest::newRow("canvas, 4K") << QSize(1366, 640) << int(P::Uhd4k);
}

void TestExporter::exportShowsTheCanvasGround()
{
    // What the screen shows, not more: a page of other proportions gets the canvas's ground in
    // a frame, with paper round it, rather than more of the world.
    QFETCH(QSize, canvas);
    QFETCH(int, preset);
    const ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset(preset), ExportOptions::Format::Png);
    const ViewState screen = homeView(canvas);
    const QSize page = options.outputSize();
    const ViewState out = options.fitted(screen, page);
    const QRect frame = Exporter::frameOn(out, page);
    QVERIFY(QRect(QPoint(0, 0), page).contains(frame));
    const auto ground = [this](const ViewState &v) {
        return m_scene->worldToScreen(v).inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(v.size)));
    };
    const QRectF shown = ground(screen), exported = ground(out);
    const double tolerance = 0.011 * std::max(shown.width(), shown.height()); // ExportOptions::mapFrame's percent
    const QString numbers = u"screen %1,%2 %3x%4; export %5,%6 %7x%8"_s.arg(shown.left()).arg(shown.top()).arg(shown.width())
                                .arg(shown.height()).arg(exported.left()).arg(exported.top()).arg(exported.width()).arg(exported.height());
    QVERIFY2(std::abs(shown.left() - exported.left()) < tolerance && std::abs(shown.right() - exported.right()) < tolerance &&
                 std::abs(shown.top() - exported.top()) < tolerance && std::abs(shown.bottom() - exported.bottom()) < tolerance,
             qPrintable(numbers));
    // The picture itself: the map inside the frame, plain paper beyond it.
    ExportOptions small = options;
    small.page = ExportOptions::Page::Pixels;
    small.pixelSize = page / 4;
    small.dpi = ExportOptions::kReferenceDpi;
    small.showLegend = small.showCredits = small.showScaleBar = false;
    const QString path = m_dir.filePath(u"ground-%1.png"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    QVERIFY(Exporter::exportTo(MapRenderer(), *m_scene, screen, small, path).ok());
    const QImage image(path);
    QCOMPARE(image.size(), small.pixelSize);
    const QRect smallFrame = Exporter::frameOn(small.fitted(screen), small.pixelSize);
    const QPoint centre = smallFrame.center();
    QVERIFY(image.pixelColor(centre) != QColor(Qt::white));
    if (smallFrame.left() > 4)
        QCOMPARE(image.pixelColor(smallFrame.left() / 2, centre.y()), QColor(Qt::white));
    if (smallFrame.top() > 4)
        QCOMPARE(image.pixelColor(centre.x(), smallFrame.top() / 2), QColor(Qt::white));
    if (smallFrame.size() == small.pixelSize) // the whole page is map, to its edges
        QVERIFY(image.pixelColor(2, centre.y()) != QColor(Qt::white));
}

void TestExporter::presetsHaveOneHome_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("size");
    using P = ExportOptions::Preset;
    QTest::newRow("1080p") << int(P::Hd1080) << u"1080p"_s << QSize(1920, 1080);
    QTest::newRow("1080p portrait") << int(P::Hd1080Portrait) << u"1080p-portrait"_s << QSize(1080, 1920);
    QTest::newRow("4k") << int(P::Uhd4k) << u"4k"_s << QSize(3840, 2160);
    QTest::newRow("a4") << int(P::A4) << u"a4"_s << QSize(3508, 2480);
    QTest::newRow("a4 portrait") << int(P::A4Portrait) << u"a4-portrait"_s << QSize(2480, 3508);
    QTest::newRow("letter") << int(P::Letter) << u"letter"_s << QSize(3300, 2550);
    QTest::newRow("letter portrait") << int(P::LetterPortrait) << u"letter-portrait"_s << QSize(2550, 3300);
}

void TestExporter::presetsHaveOneHome()
{
    QFETCH(int, preset);
    QFETCH(QString, name);
    QFETCH(QSize, size);
    const auto p = ExportOptions::Preset(preset);
    QVERIFY(ExportOptions::presets().contains(p)); // listed, so the dialog and --preset offer it
    QCOMPARE(ExportOptions::presetName(p), name);
    QCOMPARE(ExportOptions::presetNamed(name.toUpper()), std::optional(p));
    const QString title = ExportOptions::presetTitle(p);
    QVERIFY(!title.isEmpty());
    QCOMPARE(title.contains(u"portrait"_s), name.contains(u"portrait"_s));
    const ExportOptions options = ExportOptions::forPreset(p, ExportOptions::Format::Pdf);
    QCOMPARE(options.outputSize(), size);
    // The PDF's page is the same way up as the picture.
    const QString path = m_dir.filePath(u"preset-%1.pdf"_s.arg(name));
    ExportOptions light = options;
    light.dpi = ExportOptions::kMinDpi; // the page's shape, not its detail
    QVERIFY(Exporter::exportTo(MapRenderer(), *m_scene, homeView(QSize(800, 600)), light, path).ok());
    const QByteArray pdf = readAll(path);
    static const QRegularExpression mediaBox(u"/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"_s);
    const auto m = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY(m.hasMatch());
    QCOMPARE(m.captured(1).toDouble() > m.captured(2).toDouble(), size.width() > size.height());
}

void TestExporter::creditsTakeACorner_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::newRow("1080p") << QSize(1920, 1080) << 1.0;
    QTest::newRow("portrait 1080p") << QSize(1080, 1920) << 1.0;
    QTest::newRow("A4 at 300 DPI") << QSize(3508, 2480) << 300 / 96.0;
    QTest::newRow("small") << QSize(640, 400) << 1.0;
}

void TestExporter::creditsTakeACorner()
{
    // Every layer shown, so that there are many sources: the block still takes a corner.
    QFETCH(QSize, size);
    QFETCH(double, scale);
    loadLayers();
    ViewState view = homeView(size);
    view.styleScale = scale;
    const MapFurniture::CreditsBlock block = MapFurniture::creditsBlock(*m_scene, view);
    QVERIFY(MapFurniture::credits(*m_scene, view).size() > 3);
    QVERIFY2(block.lines >= 1 && block.lines <= 3, qPrintable(block.text));
    QVERIFY2(block.box.width() <= size.width() * 0.34 + 1, qPrintable(u"%1 wide"_s.arg(block.box.width())));
    QVERIFY(block.box.height() <= size.height() * 0.12 + 8 * scale);
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(size)).contains(block.box));
    QVERIFY(block.text.startsWith(u"Map data: Natural Earth"_s));
    // Asked again after another view, the same block (the fitted count is remembered per
    // sources, type and room, never across them).
    ViewState other = homeView(QSize(480, 270));
    other.styleScale = 1.0;
    const MapFurniture::CreditsBlock small = MapFurniture::creditsBlock(*m_scene, other);
    QVERIFY2(small.lines >= 1 && small.lines <= 3 && small.box.height() <= 270 * 0.12 + 8, qPrintable(small.text));
    const MapFurniture::CreditsBlock again = MapFurniture::creditsBlock(*m_scene, view);
    QCOMPARE(again.text, block.text);
    QCOMPARE(again.box, block.box);
    QCOMPARE(again.lines, block.lines);
}

void TestExporter::legendKeepsClearOfTheTitle_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::newRow("thumbnail slide") << QSize(480, 270) << 1.0;
    QTest::newRow("half-size slide") << QSize(960, 540) << 1.0;
    QTest::newRow("slide, big type") << QSize(1920, 1080) << 1.5;
    QTest::newRow("portrait") << QSize(1080, 1920) << 1.0;
    QTest::newRow("A4") << QSize(3508, 2480) << 300 / 96.0;
}

void TestExporter::legendKeepsClearOfTheTitle()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    loadLayers();
    ViewState view = homeView(size);
    view.styleScale = scale;
    ExportOptions options;
    options.title = u"Central Asia: Russia's security, China's money"_s;
    options.caption = u"Russia keeps the bases and the alliances; China builds the pipelines, roads and railways "
                      u"that tie the region's economies to its own."_s;
    const MapRenderer plain;
    MapRenderer renderer;
    renderer.setLegendKeepClear(Exporter::furnitureBoxes(*m_scene, view, options, renderer.style()));
    const LegendPainter::Layout legend = renderer.legendLayout(*m_scene, view);
    QVERIFY(!legend.box.isEmpty());
    const QRectF title = MapFurniture::titlePanel(view, options);
    QVERIFY(!title.isEmpty());
    QVERIFY2(!legend.box.intersects(title), qPrintable(u"legend %1,%2 %3x%4"_s.arg(legend.box.left()).arg(legend.box.top())
                                                         .arg(legend.box.width()).arg(legend.box.height())));
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(size)).contains(legend.box));
    // No more than its share of the picture, unless its type is at its smallest already.
    const bool atFloor = legend.scale <= (size.height() < LegendPainter::kSmallPicture ? 0.5 : 0.85) + 1e-9;
    QVERIFY2(atFloor || legend.box.height() <= size.height() * LegendPainter::kMaxHeightShare + 1,
             qPrintable(u"%1 tall at scale %2"_s.arg(legend.box.height()).arg(legend.scale)));
    QVERIFY(legend.scale <= scale);
    QCOMPARE(plain.legendLayout(*m_scene, view).scale, legend.scale); // what it avoids moves it, never shrinks it
}
