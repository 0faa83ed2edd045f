// Exports that must fail cleanly or stay harmless: absurd options, unwritable paths, a full disk,
// hostile text in SVG.

#include "tst_exporter.h"

void TestExporter::absurdSizeIsRefused_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("expected");
    QTest::newRow("too wide") << QSize(40000, 100) << "32767";
    QTest::newRow("empty") << QSize(0, 100) << "empty";
    QTest::newRow("too much memory") << QSize(30000, 30000) << "memory";
}

void TestExporter::absurdSizeIsRefused()
{
    QFETCH(QSize, size);
    QFETCH(QString, expected);
    ViewState view;
    view.projectionId = QStringLiteral("eurasia");
    view.size = size;
    const Exporter::Result result = Exporter::exportPng(MapRenderer(), *m_scene, view, m_dir.filePath(QStringLiteral("x.png")));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.png"))));
}

void TestExporter::unwritablePathIsNamed()
{
    ViewState view = framedView(ProjectionCatalog::defaultPreset().projection, ProjectionCatalog::defaultPreset().homeExtent,
                                QSize(320, 200));
    const QString path = QStringLiteral("/nonexistent-dir/map.png");
    const Exporter::Result result = Exporter::exportPng(MapRenderer(), *m_scene, view, path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
}

void TestExporter::absurdOptionsAreRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("dpi");
    QTest::addColumn<QString>("expected");
    QTest::newRow("png too wide") << u"x.png"_s << QSize(40000, 100) << 96.0 << u"32767"_s;
    QTest::newRow("png too much memory") << u"x.png"_s << QSize(30000, 30000) << 96.0 << u"memory"_s;
    QTest::newRow("png empty") << u"x.png"_s << QSize(0, 100) << 96.0 << u"empty"_s;
    QTest::newRow("svg empty") << u"x.svg"_s << QSize(100, 0) << 96.0 << u"empty"_s;
    QTest::newRow("pdf page too big") << u"x.pdf"_s << QSize(30000, 1000) << 72.0 << u"200 inches"_s;
    QTest::newRow("dpi too low") << u"x.pdf"_s << QSize(1000, 1000) << 10.0 << u"DPI"_s;
    QTest::newRow("dpi too high") << u"x.png"_s << QSize(1000, 1000) << 5000.0 << u"DPI"_s;
}

void TestExporter::absurdOptionsAreRefused()
{
    QFETCH(QString, file);
    QFETCH(QSize, size);
    QFETCH(double, dpi);
    QFETCH(QString, expected);
    ExportOptions options;
    options.format = *ExportOptions::formatOf(file);
    options.pixelSize = size;
    options.dpi = dpi;
    const Exporter::Result result =
        Exporter::exportTo(MapRenderer(), *m_scene, homeView(QSize(800, 600)), options, m_dir.filePath(file));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY(!QFile::exists(m_dir.filePath(file)));
}

void TestExporter::unwritablePathIsNamedInEveryFormat_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("png") << u"/nonexistent-dir/map.png"_s;
    QTest::newRow("svg") << u"/nonexistent-dir/map.svg"_s;
    QTest::newRow("pdf") << u"/nonexistent-dir/map.pdf"_s;
}

void TestExporter::unwritablePathIsNamedInEveryFormat()
{
    QFETCH(QString, path);
    ExportOptions options;
    options.format = *ExportOptions::formatOf(path);
    options.pixelSize = QSize(320, 200);
    const Exporter::Result result = Exporter::exportTo(MapRenderer(), *m_scene, homeView(QSize(320, 200)), options, path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
}

void TestExporter::fullDiskKeepsTheOldFiles_data()
{
    QTest::addColumn<QString>("kind"); // "map" (one file) or "pack"
    QTest::addColumn<QString>("out");
    QTest::addColumn<QStringList>("files"); // the outputs, already there from an earlier export
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("partly"); // room for part of the file (half, at most the disk) rather than none
    // Small files fit in Qt's 16 KiB write buffer, whose last flush fails; a disk that fills
    // part-way through a larger file fails in that last flush too.
    const QSize small(64, 40), large(800, 600);
    QTest::newRow("png") << u"map"_s << u"map.png"_s << QStringList{u"map.png"_s} << small << false;
    QTest::newRow("png, partly full") << u"map"_s << u"map.png"_s << QStringList{u"map.png"_s} << large << true;
    QTest::newRow("svg") << u"map"_s << u"map.svg"_s << QStringList{u"map.svg"_s} << small << false;
    QTest::newRow("svg, partly full") << u"map"_s << u"map.svg"_s << QStringList{u"map.svg"_s} << small << true;
    QTest::newRow("pdf") << u"map"_s << u"map.pdf"_s << QStringList{u"map.pdf"_s} << small << false;
    QTest::newRow("pdf, partly full") << u"map"_s << u"map.pdf"_s << QStringList{u"map.pdf"_s} << small << true;
    const QSize packPage(216, 216); // the smallest page a pack takes at 72 DPI: 3 inches a side
    QTest::newRow("pdf briefing pack") << u"pack"_s << u"pack.pdf"_s << QStringList{u"pack.pdf"_s} << packPage << false;
    QTest::newRow("pdf briefing pack, partly full") << u"pack"_s << u"pack.pdf"_s << QStringList{u"pack.pdf"_s} << packPage << true;
    QTest::newRow("numbered png") << u"pack"_s << u"story.png"_s << QStringList{u"story-01.png"_s, u"story-02.png"_s}
                                  << small << false;
}

void TestExporter::fullDiskKeepsTheOldFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, out);
    QFETCH(QStringList, files);
    QFETCH(QSize, size);
    QFETCH(bool, partly);
    FullDisk disk;
    SPHERES_REQUIRE_FULL_DISK(disk);
    ExportOptions options;
    options.format = *ExportOptions::formatOf(out);
    options.pixelSize = size;
    options.dpi = 72;
    const auto exportTo = [&](const QString &path) {
        if (kind == u"map")
            return Exporter::exportTo(MapRenderer(), *m_scene, homeView(options.pixelSize), options, path);
        Brief brief;
        brief.title = u"Pack"_s;
        for (const char *name : {"First", "Second"}) {
            SavedView view;
            view.name = QString::fromLatin1(name);
            view.state = homeView(options.pixelSize);
            brief.views << view;
        }
        const auto sceneFor = [this](const QString &) { return m_scene.get(); };
        return options.format == ExportOptions::Format::Pdf
                   ? BriefingPack::exportPdf(MapRenderer(), sceneFor, brief, options, path, {})
                   : BriefingPack::exportPngSeries(MapRenderer(), sceneFor, brief, options, path, {});
    };
    qint64 room = 0;
    if (partly) {
        const QString reference = m_dir.filePath(u"reference-"_s + out);
        QVERIFY(exportTo(reference).ok());
        room = QFileInfo(reference).size() / 2;
        QVERIFY2(room >= 4096, "the file must be larger than a page for half of it to fit");
    }
    for (const QString &file : files)
        QVERIFY(disk.put(file, "the good old export of " + file.toUtf8()));
    QVERIFY(disk.fill());
    QVERIFY(disk.leave(room));

    const Exporter::Result result = exportTo(disk.filePath(out));
    QCOMPARE(result.status, Exporter::Result::Status::WriteFailed);
    QVERIFY2(result.error.contains(disk.path()), qPrintable(result.error));
    QVERIFY2(result.error.contains(u"No space left on device"_s), qPrintable(result.error));
    for (const QString &file : files)
        QCOMPARE(readAll(disk.filePath(file)), "the good old export of " + file.toUtf8());
    QCOMPARE(disk.entries(), files); // and no temporary file beside them
}

void TestExporter::resultSaysHowAnExportEnded_data()
{
    // The window tells a cancel (no alert, the old file kept) from a failure by the status.
    QTest::addColumn<QString>("out");
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<double>("dpi");
    QTest::addColumn<int>("status");
    using Status = Exporter::Result::Status;
    QTest::newRow("pack") << u"pack.pdf"_s << false << 72.0 << int(Status::Success);
    QTest::newRow("pack cancelled") << u"pack.pdf"_s << true << 72.0 << int(Status::Cancelled);
    QTest::newRow("pictures cancelled") << u"story.png"_s << true << 72.0 << int(Status::Cancelled);
    QTest::newRow("resolution out of range") << u"story.png"_s << false << 1.0 << int(Status::BadOptions);
    QTest::newRow("pack page too small") << u"small.pdf"_s << false << 600.0 << int(Status::BadOptions);
}

void TestExporter::resultSaysHowAnExportEnded()
{
    QFETCH(QString, out);
    QFETCH(bool, cancel);
    QFETCH(double, dpi);
    QFETCH(int, status);
    ExportOptions options;
    options.format = *ExportOptions::formatOf(out);
    options.pixelSize = QSize(640, 400);
    options.dpi = dpi;
    Brief brief;
    brief.title = u"Status"_s;
    for (const char *name : {"First", "Second"}) {
        SavedView view;
        view.name = QString::fromLatin1(name);
        view.state = homeView(options.pixelSize);
        brief.views << view;
    }
    const QString path = m_dir.filePath(u"status-"_s + out);
    const auto sceneFor = [this](const QString &) { return m_scene.get(); };
    const BriefingPack::Progress progress = [cancel](int, int) { return !cancel; };
    const Exporter::Result result = options.format == ExportOptions::Format::Pdf
                                        ? BriefingPack::exportPdf(MapRenderer(), sceneFor, brief, options, path, progress)
                                        : BriefingPack::exportPngSeries(MapRenderer(), sceneFor, brief, options, path, progress);
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.ok(), result.error.isEmpty());
    QCOMPARE(result.ok(), status == int(Exporter::Result::Status::Success));
}

void TestExporter::svgHasTheSitesGroupAndNames()
{
    loadLayers();
    ViewState view;
    view.centre = QPointF(72.0, 40.0); // Kant and the 201st base's two towns
    view.metresPerPixel = 2500;
    view.size = QSize(900, 700);
    view.year = 2024;
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = view.size;
    const QByteArray svg = Exporter::svgDocument(MapRenderer(), *m_scene, options.fitted(view), options);
    m_scene->setLayers({});
    const SvgOutline o = outline(svg);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY2(o.groups.contains(u"layer-sites"_s), qPrintable(o.groups.join(u", ")));
    QVERIFY(svg.contains("inkscape:label=\"Strategic sites\""));
    const QStringList labels = o.texts.value(u"labels"_s);
    for (const QString &name : {u"Kant air base"_s, u"201st Russian military base (Dushanbe, Bokhtar)"_s})
        QVERIFY2(labels.contains(name), qPrintable(labels.join(u", ")));
    QVERIFY2(o.texts.value(u"legend"_s).contains(u"Military base"_s), qPrintable(o.texts.value(u"legend"_s).join(u", ")));
}

void TestExporter::hostileTextStaysTextInSvg_data()
{
    QTest::addColumn<QString>("layerId");
    QTest::addColumn<QString>("layerTitle");
    QTest::addColumn<QString>("mapTitle");
    const QString controls = QString(QChar(0x01)) + QChar(0x0b) + QChar(0x1f) + QChar(0xfffe) + QChar(0xd800);
    QTest::newRow("markup in the id") << uR"id(x"/><svg onload="alert(1)">)id"_s << u"<script>alert(1)</script>"_s
                                      << u"</title><script>alert(2)</script>"_s;
    QTest::newRow("quotes") << u"p' onload='alert(1)"_s << uR"id(a" onload="b)id"_s << u"'\"&"_s;
    QTest::newRow("control characters") << (u"pipes"_s + controls) << (u"Pipe"_s + controls + u"lines"_s)
                                        << (u"Map"_s + controls + u" of Asia"_s);
    QTest::newRow("comment and CDATA ends") << u"x-->y]]>z"_s << u"<!-- ]]> -->"_s << u"]]><![CDATA[x"_s;
}

/// Ids, titles and labels from files reach the layered SVG as attribute values and text only: it
/// parses, no element or attribute comes from them, and characters XML cannot hold are dropped.
void TestExporter::hostileTextStaysTextInSvg()
{
    QFETCH(QString, layerId);
    QFETCH(QString, layerTitle);
    QFETCH(QString, mapTitle);
    QStringList errors;
    QList<std::shared_ptr<const Layer>> layers = GeoJsonReader::readAllBuiltIn(errors);
    QVERIFY(errors.isEmpty());
    auto hostile = std::make_shared<Layer>(*layers.constLast());
    hostile->id = layerId;
    hostile->title = layerTitle;
    layers.back() = hostile;
    m_scene->setLayers(layers);
    ViewState view = homeView(QSize(640, 360));
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = view.size;
    options.title = mapTitle;
    const QByteArray svg = Exporter::svgDocument(MapRenderer(), *m_scene, options.fitted(view), options);
    m_scene->setLayers({});

    QXmlStreamReader xml(svg);
    QStringList groupIds, labels, titles;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        QVERIFY2(xml.name() != u"script", "a <script> element");
        for (const QXmlStreamAttribute &a : xml.attributes())
            QVERIFY2(!a.name().startsWith(u"on"), qPrintable(a.name().toString()));
        if (xml.name() == u"g" && xml.attributes().hasAttribute(u"inkscape:groupmode"_s)) {
            groupIds << xml.attributes().value(u"id"_s).toString();
            labels << xml.attributes().value(u"inkscape:label"_s).toString();
        } else if (xml.name() == u"title") {
            titles << xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(titles, QStringList{SafeText::xml(mapTitle)});
    QVERIFY2(labels.contains(SafeText::xml(layerTitle)), qPrintable(labels.join(u" | ")));
    const QString id = groupIds.value(labels.indexOf(SafeText::xml(layerTitle)));
    static const QRegularExpression xmlName(u"^[A-Za-z_][A-Za-z0-9_.-]*$"_s);
    QVERIFY2(xmlName.match(id).hasMatch(), qPrintable(id));
    QCOMPARE(QSet<QString>(groupIds.begin(), groupIds.end()).size(), groupIds.size());
    QVERIFY(QSvgRenderer(svg).isValid());
}

void TestExporter::xmlDropsWhatXmlCannotHold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kept");
    QTest::newRow("tab, line feed, return kept") << u"a\tb\nc\rd"_s << u"a\tb\nc\rd"_s;
    QTest::newRow("C0 controls dropped") << (QString(QChar(0x00)) + u"a"_s + QChar(0x08) + QChar(0x1b)) << u"a"_s;
    QTest::newRow("U+FFFE, U+FFFF dropped") << (u"a"_s + QChar(0xfffe) + QChar(0xffff) + u"b"_s) << u"ab"_s;
    QTest::newRow("lone surrogates dropped") << (QString(QChar(0xdc00)) + u"x"_s + QChar(0xd800)) << u"x"_s;
    QTest::newRow("pairs kept") << u"🗺 Ω"_s << u"🗺 Ω"_s;
}

void TestExporter::xmlDropsWhatXmlCannotHold()
{
    QFETCH(QString, text);
    QFETCH(QString, kept);
    QCOMPARE(SafeText::xml(text), kept);
    QCOMPARE(SafeText::html(u"<a href='x'>\"&"_s), u"&lt;a href=&#39;x&#39;&gt;&quot;&amp;"_s);
}
