// The briefing pack (PDF): the view's charts, claims groups, long text over more pages.

#include "tst_exporter.h"

void TestExporter::briefingPackDrawsTheViewsCharts_data()
{
    QTest::addColumn<QStringList>("charts"); // per view, comma-separated
    QTest::addColumn<bool>("withPainter");
    QTest::addColumn<bool>("painterSucceeds");
    QTest::addColumn<int>("pages");
    QTest::addColumn<QStringList>("calls"); // "view/chart", in order
    QTest::newRow("no view has charts") << QStringList{QString(), QString()} << true << true << 2 << QStringList{};
    QTest::newRow("two charts on the first view")
        << QStringList{u"energy,claims"_s, QString()} << true << true << 3 << QStringList{u"First/energy"_s, u"First/claims"_s};
    QTest::newRow("a chart on each view")
        << QStringList{u"sco"_s, u"claims"_s} << true << true << 4 << QStringList{u"First/sco"_s, u"Second/claims"_s};
    QTest::newRow("three charts") << QStringList{QString(), u"energy,sco,claims"_s} << true << true << 3
                                  << QStringList{u"Second/energy"_s, u"Second/sco"_s, u"Second/claims"_s};
    QTest::newRow("charts left out") << QStringList{u"sco"_s, u"claims"_s} << false << true << 2 << QStringList{};
    QTest::newRow("a chart that cannot be drawn") << QStringList{u"sco"_s, QString()} << true << false << 3
                                                  << QStringList{u"First/sco"_s};
}

void TestExporter::briefingPackDrawsTheViewsCharts()
{
    QFETCH(QStringList, charts);
    QFETCH(bool, withPainter);
    QFETCH(bool, painterSucceeds);
    QFETCH(int, pages);
    QFETCH(QStringList, calls);
    Brief brief;
    brief.title = u"Pack"_s;
    for (int i = 0; i < charts.size(); ++i) {
        SavedView view;
        view.name = i == 0 ? u"First"_s : u"Second"_s;
        view.state = homeView(QSize(1600, 900));
        view.charts = charts[i].split(u',', Qt::SkipEmptyParts);
        brief.views << view;
    }
    ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset::A4, ExportOptions::Format::Pdf);
    options.dpi = 100; // fast, and the page's size in pixels is not the points'

    // A stand-in for the widgets' charts: writes which chart it is, and records where.
    QStringList called;
    QList<QRectF> cells;
    QSize page;
    const BriefingPack::ChartPainter fake = [&](QPainter &painter, const QRectF &target, const QString &chartId,
                                                const SavedView &view) {
        called << view.name + u'/' + chartId;
        cells << target;
        page = QSize(painter.device()->width(), painter.device()->height());
        if (!painterSucceeds)
            return false;
        painter.setFont(QFont(u"DejaVu Sans"_s, 14));
        painter.drawText(target, Qt::AlignCenter, u"Stand-in chart %1 of %2"_s.arg(chartId, view.name));
        return true;
    };
    const QString path = m_dir.filePath(u"pack-%1.pdf"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    const Exporter::Result result = BriefingPack::exportPdf(
        MapRenderer(), [this](const QString &) { return m_scene.get(); }, brief, options, path, {},
        withPainter ? fake : BriefingPack::ChartPainter());
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QByteArray pdf = readAll(path);
    QCOMPARE(int(pdf.count("/Type /Page")) - int(pdf.count("/Type /Pages")), pages);
    QCOMPARE(called, calls);

    // The charts share the page below its heading, side by side or stacked, never overlapping.
    for (int i = 0; i < cells.size(); ++i) {
        QVERIFY(QRectF(QPointF(0, 0), QSizeF(page)).contains(cells[i]));
        QVERIFY(cells[i].top() > page.height() * 0.1);
        QVERIFY(cells[i].width() > page.width() * 0.3 && cells[i].height() > page.height() * 0.2);
        for (int j = 0; j < i; ++j)
            if (called[i].section(u'/', 0, 0) == called[j].section(u'/', 0, 0))
                QVERIFY(!cells[i].intersects(cells[j]));
    }

    const std::optional<QString> extracted = pdfText(path);
    if (!extracted)
        QSKIP("pdftotext (poppler-utils) is not installed: the pages' text is not checked");
    const QString text = *extracted;
    for (const QString &call : std::as_const(calls)) {
        const QString drawn = u"Stand-in chart %1 of %2"_s.arg(call.section(u'/', 1), call.section(u'/', 0, 0));
        QVERIFY2(text.contains(drawn) == painterSucceeds, qPrintable(drawn));
        // The charts page is headed by its view.
        QVERIFY(text.contains(u"%1 Pack · %2 / %3 · charts"_s.arg(call.section(u'/', 0, 0)).arg(call.startsWith(u"First") ? 1 : 2).arg(charts.size())));
    }
    QCOMPARE(text.contains(u"could not be drawn"_s), !painterSucceeds);
}

void TestExporter::briefingPackFlowsLongTextOntoMorePages_data()
{
    QTest::addColumn<int>("sources");
    QTest::addColumn<int>("noteSentences");
    QTest::addColumn<bool>("viewContinued");    // the view's text goes on over a page
    QTest::addColumn<bool>("sourcesContinued"); // the pack's list of sources takes more than a page
    QTest::newRow("fits under the map") << 3 << 2 << false << false;
    QTest::newRow("a long note") << 2 << 60 << true << false;
    QTest::newRow("many sources") << 150 << 3 << false << true;
    QTest::newRow("both") << 150 << 60 << true << true;
}

void TestExporter::focusedClaimsGroupIsOutlinedAsOne_data()
{
    QTest::addColumn<QString>("group");
    QTest::newRow("Central Asia") << u"central-asia"_s;
    QTest::newRow("South Caucasus") << u"south-caucasus"_s;
}

void TestExporter::focusedClaimsGroupIsOutlinedAsOne()
{
    // A claim about a group ("China's presence in Central Asia") shows the group as a setting:
    // one outline in the group's colour round its members, not one direct outline per member.
    QFETCH(QString, group);
    Brief brief;
    Claim claim;
    claim.id = u"c1"_s;
    claim.text = u"A claim set in a group."_s;
    claim.groups = {group};
    brief.claims << claim;
    SavedView view;
    view.state = homeView(QSize(1280, 720));
    view.focusedClaim = claim.id;
    const ViewState lit = BriefingPack::litState(brief, view, m_scene->coarse().atlas());
    QCOMPARE(lit.highlightGroups, QStringList{group});
    QVERIFY(!lit.highlightRegions.isEmpty()); // the members are lit
    ViewState asDirectLinks = lit;
    asDirectLinks.highlightGroups.clear();
    const MapStyle &style = MapStyle::standard();
    auto count = [](const QImage &image, const QColor &colour) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                n += near(image.pixelColor(x, y), colour, 10);
        return n;
    };
    const QImage asGroup = Exporter::renderImage(MapRenderer(), *m_scene, lit);
    const QImage asMembers = Exporter::renderImage(MapRenderer(), *m_scene, asDirectLinks);
    const int groupWith = count(asGroup, style.groupOutline), groupWithout = count(asMembers, style.groupOutline);
    const int directWith = count(asGroup, style.focusOutline), directWithout = count(asMembers, style.focusOutline);
    QVERIFY2(groupWith > groupWithout + 150, qPrintable(u"%1 %2"_s.arg(groupWith).arg(groupWithout)));
    QVERIFY2(directWith * 4 < directWithout, qPrintable(u"%1 %2"_s.arg(directWith).arg(directWithout)));
    // The group's name above its outline: the colour reaches above the members' northernmost
    // pixel, where no outline is.
    const Atlas &atlas = m_scene->coarse().atlas();
    double top = 1e9;
    for (const QString &code : atlas.group(group)->members)
        for (const Polygon &polygon : atlas.region(code)->shape)
            for (const auto &p : polygon.outer())
                if (const auto px = m_scene->pixelOf(lit, {p.x(), p.y()}))
                    top = std::min(top, px->y());
    int above = 0;
    for (int y = std::max(0, int(top) - 30); y < int(top) - 4; ++y)
        for (int x = 0; x < asGroup.width(); ++x)
            above += near(asGroup.pixelColor(x, y), style.groupOutline, 30);
    QVERIFY2(above > 10, qPrintable(QString::number(above)));
}

void TestExporter::briefingPackNamesAClaimsGroups()
{
    // The pack's text says what a claim is linked to, the group as a group.
    Brief brief;
    brief.title = u"Groups"_s;
    Claim claim;
    claim.id = u"c1"_s;
    claim.text = u"China's presence in Central Asia grows."_s;
    claim.regions = {u"CHN"_s};
    claim.groups = {u"central-asia"_s};
    brief.claims << claim;
    SavedView view;
    view.name = u"Setting"_s;
    view.state = homeView(QSize(1600, 900));
    view.focusedClaim = claim.id;
    brief.views << view;
    ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset::A4, ExportOptions::Format::Pdf);
    options.dpi = 100;
    const QString path = m_dir.filePath(u"groups.pdf"_s);
    const Exporter::Result result = BriefingPack::exportPdf(MapRenderer(), [this](const QString &) { return m_scene.get(); },
                                                            brief, options, path, {}, {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::optional<QString> extracted = pdfText(path);
    if (!extracted)
        QSKIP("pdftotext (poppler-utils) is not installed: the pages' text is not checked");
    const QString text = *extracted;
    QVERIFY2(text.contains(u"Linked to: China; Central Asia (group)"_s), qPrintable(text));
}

void TestExporter::briefingPackListsTheClaimsOfASelectedRegionsGroups()
{
    // The pack left out a claim linked to "central-asia" on a view of Kazakhstan, which the
    // context panel shows: both now ask ClaimFinder.
    Brief brief;
    brief.title = u"Kazakhstan"_s;
    Claim direct, viaGroup, elsewhere;
    direct.id = u"c1"_s;
    direct.text = u"Astana balances its neighbours."_s;
    direct.regions = {u"KAZ"_s};
    viaGroup.id = u"c2"_s;
    viaGroup.text = u"Beijing's loans reach across the steppe."_s;
    viaGroup.groups = {u"central-asia"_s};
    elsewhere.id = u"c3"_s;
    elsewhere.text = u"Tokyo watches the strait."_s;
    elsewhere.regions = {u"JPN"_s};
    brief.claims << direct << viaGroup << elsewhere;
    SavedView view;
    view.name = u"Kazakhstan"_s;
    view.state = homeView(QSize(1600, 900));
    view.state.selectedRegion = u"KAZ"_s;
    brief.views << view;
    ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset::A4, ExportOptions::Format::Pdf);
    options.dpi = 100;
    const QString path = m_dir.filePath(u"kazakhstan.pdf"_s);
    const Exporter::Result result = BriefingPack::exportPdf(MapRenderer(), [this](const QString &) { return m_scene.get(); },
                                                            brief, options, path, {}, {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::optional<QString> extracted = pdfText(path);
    if (!extracted)
        QSKIP("pdftotext (poppler-utils) is not installed: the pages' text is not checked");
    const QString text = *extracted;
    QVERIFY2(text.contains(direct.text), qPrintable(text));
    QVERIFY2(text.contains(viaGroup.text), qPrintable(text));
    QVERIFY2(!text.contains(elsewhere.text), qPrintable(text));
}

void TestExporter::briefingPackFlowsLongTextOntoMorePages()
{
    // The Sources were cut mid-line on five pages, and on one page the note was cut and the
    // Sources lost: every word must reach the paper, on continuation pages if need be.
    QFETCH(int, sources);
    QFETCH(int, noteSentences);
    QFETCH(bool, viewContinued);
    QFETCH(bool, sourcesContinued);
    Brief brief;
    brief.title = u"Flow"_s;
    Claim claim;
    claim.id = u"c1"_s;
    claim.text = u"A claim about the region."_s;
    for (int i = 1; i <= noteSentences; ++i)
        claim.note += u"Note sentence %1 explains the facts at some length. "_s.arg(i);
    claim.note += u"End of the note."_s;
    for (int i = 1; i <= sources; ++i)
        claim.noteSources << Source{u"Source title %1"_s.arg(i), u"Publisher"_s, u"https://example.org/%1"_s.arg(i), u"2024"_s};
    brief.claims << claim;
    SavedView view;
    view.name = u"Long"_s;
    view.state = homeView(QSize(1600, 900));
    view.focusedClaim = claim.id;
    brief.views << view;
    ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset::A4, ExportOptions::Format::Pdf);
    options.dpi = 100;
    const QString path = m_dir.filePath(u"flow-%1-%2.pdf"_s.arg(sources).arg(noteSentences));
    const Exporter::Result result = BriefingPack::exportPdf(MapRenderer(), [this](const QString &) { return m_scene.get(); },
                                                            brief, options, path, {}, {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QByteArray pdf = readAll(path);
    const int pages = int(pdf.count("/Type /Page")) - int(pdf.count("/Type /Pages"));
    const std::optional<QString> extracted = pdfText(path);
    if (!extracted)
        QSKIP("pdftotext (poppler-utils) is not installed: the pages' text is not checked");
    QString text = *extracted;
    // The view's page and its continuations, then the pack's numbered sources, each cited once.
    const int viewPages = 1 + int(text.count(u"Long (continued)"_s)), sourcePages = 1 + int(text.count(u"Sources (continued)"_s));
    QCOMPARE(viewPages + sourcePages, pages);
    QCOMPARE(viewPages > 1, viewContinued);
    QCOMPARE(sourcePages > 1, sourcesContinued);
    QList<int> numbers(sources);
    std::iota(numbers.begin(), numbers.end(), 1);
    QVERIFY(QString(text).remove(u' ').contains(u"endofthepack:%1."_s.arg(SourceNumbering::ranges(numbers).remove(u' '))));
    // A paragraph may go on over a page's break: read it without the next page's heading.
    text.remove(QRegularExpression(u"\\s*(Long|Sources) \\(continued\\) Flow · (1 / 1|sources)\\s*"_s));
    text.replace(u"- "_s, u"-"_s).replace(u"// "_s, u"//"_s); // lines broken inside a word
    QVERIFY(text.contains(u"End of the note."_s));
    // Once each: a line clipped at a page's edge must not reach the text of both pages.
    QStringList twice;
    for (int i = 1; i <= sources; ++i)
        if (text.count(u"title %1,"_s.arg(i)) != 1)
            twice << u"source %1"_s.arg(i);
    for (int i = 1; i <= noteSentences; ++i)
        if (text.count(u"Note sentence %1 explains"_s.arg(i)) != 1)
            twice << u"note sentence %1"_s.arg(i);
    QVERIFY2(twice.isEmpty(), qPrintable(twice.join(u", "_s)));
}

void TestExporter::chartCellsShareTheArea_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<QRectF>>("cells");
    const QRectF area(10, 20, 510, 300);
    QTest::newRow("none") << 0 << QList<QRectF>{};
    QTest::newRow("one: all of it") << 1 << QList<QRectF>{area};
    QTest::newRow("two: side by side, the first wider")
        << 2 << QList<QRectF>{QRectF(10, 20, 300, 300), QRectF(320, 20, 200, 300)};
    QTest::newRow("three: the first wide, two stacked")
        << 3 << QList<QRectF>{QRectF(10, 20, 300, 300), QRectF(320, 20, 200, 145), QRectF(320, 175, 200, 145)};
}

void TestExporter::chartCellsShareTheArea()
{
    QFETCH(int, count);
    QFETCH(QList<QRectF>, cells);
    QCOMPARE(BriefingPack::chartCells(QRectF(10, 20, 510, 300), count, 10), cells);
}
