// The default brief as shipped: sentences, claims, links, notes and storyboard.

#include "tst_brief.h"

// --- The default brief ------------------------------------------------------------------------

void TestBrief::defaultBriefLoads()
{
    const BriefReader::Result r = BriefReader::readBuiltIn();
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    QCOMPARE(r.brief.title, QStringLiteral("China and Russia: cooperation and rivalry"));
    QCOMPARE(r.brief.author, QStringLiteral("Spheres sample brief"));
    QCOMPARE(r.brief.date, QDate(2026, 11, 28));
    QVERIFY(r.brief.narrativeSource.startsWith(u"china-russia.txt"));
    QCOMPARE(r.brief.paragraphs.size(), 7);
    QCOMPARE(r.brief.layers.size(), 3);
    for (const LayerSetting &l : r.brief.layers) {
        QVERIFY2(l.visible && l.opacity == 1.0, qPrintable(l.id));
        QVERIFY(GeoJsonReader::builtInIds().contains(l.id));
    }
}

void TestBrief::defaultBriefIsAsWritten()
{
    // The shipped file is exactly what BriefWriter writes, so that edits saved from Spheres diff cleanly.
    QFile file(QStringLiteral(":/briefs/china-russia.spheres.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray shipped = file.readAll();
    const QByteArray written = BriefWriter::toJson(defaultBrief());
    if (shipped != written) {
        const QString path = QDir::temp().filePath(QStringLiteral("china-russia.spheres.json"));
        QFile out(path);
        if (out.open(QIODevice::WriteOnly))
            out.write(written);
        QFAIL(qPrintable(QStringLiteral("the shipped brief is not in the writer's form; see %1").arg(path)));
    }
}

void TestBrief::defaultBriefHasEverySentence()
{
    const Brief &brief = defaultBrief();
    int n = 0;
    for (qsizetype p = 0; p < brief.paragraphs.size(); ++p) {
        const QStringList sentences = sentencesOf(brief.paragraphs[p]);
        for (qsizetype s = 0; s < sentences.size(); ++s) {
            QVERIFY2(n < brief.claims.size(), qPrintable(sentences[s]));
            const Claim &c = brief.claims[n];
            ++n;
            QCOMPARE(c.id, QStringLiteral("c%1").arg(n));
            QCOMPARE(c.paragraph, int(p));
            QCOMPARE(c.sentence, int(s));
            QCOMPARE(c.text, sentences[s]);
        }
    }
    QCOMPARE(brief.claims.size(), n);
    QCOMPARE(n, 19);
}

void TestBrief::defaultBriefClaimsHaveStanceAndLinks()
{
    QSet<QString> stances;
    for (const Claim &c : defaultBrief().claims) {
        const char *id = qPrintable(c.id);
        QVERIFY2(!stanceKey(c.stance).isEmpty(), id);
        stances.insert(stanceKey(c.stance));
        QVERIFY2(!c.regions.isEmpty() || !c.groups.isEmpty() || !c.features.isEmpty() || !c.topics.isEmpty(), id);
        QCOMPARE(c.confidence, 1.0); // checked by hand
        QVERIFY2(!c.cues.isEmpty(), id);
        for (const QString &cue : c.cues)
            QVERIFY2(c.text.contains(cue, Qt::CaseInsensitive), qPrintable(c.id + QStringLiteral(": ") + cue));
        for (const Source &s : c.noteSources) {
            QVERIFY2(!c.note.isEmpty(), id);
            QVERIFY2(!s.title.isEmpty() && !s.publisher.isEmpty() && !s.date.isEmpty(), id);
            QVERIFY2(s.url.startsWith(u"https://") || s.url.startsWith(u"http://"), qPrintable(s.url));
        }
    }
    QCOMPARE(stances.size(), 3);
}

void TestBrief::defaultBriefReferencesResolve()
{
    QCOMPARE(builtInLayers().size(), 4); // sco, contested, pipelines, sites
    const QStringList unknown = BriefReader::unknownReferences(defaultBrief(), coarseAtlas(), builtInLayers());
    QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(u'\n')));
}

void TestBrief::defaultBriefLinks_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("stance");
    QTest::addColumn<QStringList>("regions");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("features");
    QTest::addColumn<QStringList>("topics");
    QTest::newRow("Central Asia") << "Central Asia" << "rivalry"
                                  << strings({"CHN", "RUS", "KAZ", "KGZ", "TJK", "TKM", "UZB"})
                                  << strings({"central-asia"}) << QStringList() << QStringList();
    QTest::newRow("South China Sea") << "South China Sea" << "rivalry"
                                     << strings({"CHN", "RUS", "VNM", "PHL", "MYS", "BRN", "TWN"}) << QStringList()
                                     << strings({"contested/nine-dash-line", "contested/spratly-islands",
                                                    "contested/paracel-islands", "contested/scarborough-shoal"})
                                     << QStringList();
    QTest::newRow("SCO and BRI") << "Shanghai Cooperation Organization" << "cooperation"
                                 << strings({"CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"}) << QStringList()
                                 << strings({"sco"}) << strings({"belt-and-road"});
    QTest::newRow("Asia-Pacific") << "Asia-Pacific" << "rivalry" << strings({"CHN", "RUS"})
                                  << strings({"asia-pacific"}) << strings({"contested"}) << QStringList();
    QTest::newRow("pipelines") << "construction of pipelines" << "cooperation" << strings({"CHN", "RUS"})
                               << QStringList()
                               << strings({"pipelines/power-of-siberia", "pipelines/espo-daqing-spur",
                                              "pipelines/far-eastern-route", "pipelines/power-of-siberia-2"})
                               << strings({"energy"});
    QTest::newRow("United States") << "opposition to the United States" << "cooperation"
                                   << strings({"CHN", "RUS", "USA"}) << QStringList() << QStringList() << QStringList();
    QTest::newRow("implications") << "implications for the rest of the world" << "context" << strings({"CHN", "RUS"})
                                  << QStringList() << QStringList() << QStringList();
}

void TestBrief::defaultBriefLinks()
{
    QFETCH(QString, phrase);
    QFETCH(QString, stance);
    QFETCH(QStringList, regions);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, features);
    QFETCH(QStringList, topics);
    const Claim *c = claimWith(phrase);
    QVERIFY2(c, qPrintable(phrase));
    QCOMPARE(stanceKey(c->stance), stance);
    // At least these links (a claim may link more).
    for (const QString &r : regions)
        QVERIFY2(c->regions.contains(r), qPrintable(c->id + QStringLiteral(": ") + r));
    for (const QString &g : groups)
        QVERIFY2(c->groups.contains(g), qPrintable(c->id + QStringLiteral(": ") + g));
    for (const QString &f : features)
        QVERIFY2(c->features.contains(f), qPrintable(c->id + QStringLiteral(": ") + f));
    for (const QString &t : topics)
        QVERIFY2(c->topics.contains(t), qPrintable(c->id + QStringLiteral(": ") + t));
}

void TestBrief::defaultBriefNotes_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("noteMentions");
    QTest::newRow("exporters") << "major exporters of oil and gas" << "largest importer";
    QTest::newRow("alliance") << "main drivers of the China-Russia alliance" << "no formal alliance";
    QTest::newRow("SCO founders") << "Shanghai Cooperation Organization" << "six states";
    QTest::newRow("BRI") << "Belt and Road Initiative" << "Chinese initiative launched in 2013";
    QTest::newRow("military") << "joint military" << "Vostok 2018";
}

void TestBrief::defaultBriefNotes()
{
    QFETCH(QString, phrase);
    QFETCH(QString, noteMentions);
    const Claim *c = claimWith(phrase);
    QVERIFY2(c, qPrintable(phrase));
    QVERIFY2(c->note.contains(noteMentions), qPrintable(c->id + QStringLiteral(": ") + c->note));
    QVERIFY2(!c->noteSources.isEmpty(), qPrintable(c->id));
    QVERIFY2(c->note.contains(u"As of "), qPrintable(c->id));
}

void TestBrief::defaultBriefStoryboard()
{
    const Brief &brief = defaultBrief();
    QVERIFY(brief.views.size() >= 6 && brief.views.size() <= 7);
    QStringList names;
    for (const SavedView &v : brief.views) {
        names << v.name;
        const char *name = qPrintable(v.name);
        QVERIFY2(!v.caption.isEmpty(), name);
        QVERIFY2(ProjectionCatalog::find(v.state.projectionId), name);
        QVERIFY2(v.focusedClaim.isEmpty() || brief.claim(v.focusedClaim), name);
    }
    QCOMPARE(names.first(), QStringLiteral("Overview"));
    QCOMPARE(names.last(), QStringLiteral("Outlook"));
    const auto view = [&brief](const QString &name) -> const SavedView * {
        for (const SavedView &v : brief.views)
            if (v.name == name)
                return &v;
        return nullptr;
    };
    const SavedView *overview = view(QStringLiteral("Overview"));
    QVERIFY(overview);
    QCOMPARE(overview->state.metresPerPixel, 5200.0);

    const SavedView *energy = view(QStringLiteral("Energy corridors"));
    QVERIFY(energy);
    QCOMPARE(energy->state.year, 2026);
    QVERIFY(!energy->state.hiddenLayers.contains(QStringLiteral("pipelines")));
    QCOMPARE(energy->state.centre, QPointF(110, 50));

    const SavedView *sco = view(QStringLiteral("SCO enlargement"));
    QVERIFY(sco);
    QCOMPARE(sco->state.year, 2024);
    // Each chart on the view it belongs to: capacity with the corridors, membership with the
    // enlargement, the balance of claims with the outlook.
    QVERIFY(energy->charts.contains(QStringLiteral("energy")));
    QCOMPARE(sco->charts, QStringList{QStringLiteral("sco")});
    QVERIFY(view(QStringLiteral("Outlook")) && view(QStringLiteral("Outlook"))->charts.contains(QStringLiteral("claims")));
    QVERIFY(overview->charts.isEmpty());

    const SavedView *scs = view(QStringLiteral("South China Sea"));
    QVERIFY(scs);
    QCOMPARE(scs->state.centre, QPointF(114, 12));
    QCOMPARE(scs->state.metresPerPixel, 1200.0);
    QVERIFY(claimWith(QStringLiteral("South China Sea")));
    QCOMPARE(scs->focusedClaim, claimWith(QStringLiteral("South China Sea"))->id);

    // The storyboard's annotations: each shown on some view, and only where it belongs.
    QVERIFY(brief.annotations.size() >= 4);
    for (const Annotation &a : brief.annotations) {
        const bool somewhere = std::any_of(brief.views.begin(), brief.views.end(), [&](const SavedView &v) {
            return !v.state.hiddenAnnotations.contains(a.id);
        });
        QVERIFY2(somewhere, qPrintable(a.id));
    }
    QCOMPARE(overview->state.hiddenAnnotations.size(), brief.annotations.size()); // the overview stays clean
    const auto shows = [&brief](const SavedView *v, const QString &words) {
        for (const Annotation &a : brief.annotations)
            if (a.text.contains(words))
                return !v->state.hiddenAnnotations.contains(a.id);
        return false;
    };
    QVERIFY(shows(scs, QStringLiteral("Scarborough Shoal")));
    QVERIFY(!shows(energy, QStringLiteral("Scarborough Shoal")));
    QVERIFY(shows(energy, QStringLiteral("Power of Siberia crosses the Amur")));

    const SavedView *ca = view(QStringLiteral("Central Asia"));
    QVERIFY(ca);
    QCOMPARE(ca->state.centre, QPointF(68, 43));
    QCOMPARE(ca->state.selectedRegion, QStringLiteral("KAZ"));
}

void TestBrief::claimsAboutFindsCentralAsia()
{
    // The context panel showed Kazakhstan a claim linked only to "central-asia" and the printed
    // pack left it out; both now ask ClaimFinder.
    QVERIFY(coarseAtlas().group(QStringLiteral("central-asia"))->members.contains(u"KAZ"_s));
    Brief brief = defaultBrief();
    Claim viaGroup;
    viaGroup.id = u"c-group"_s;
    viaGroup.text = u"Beijing's loans reach across the steppe."_s;
    viaGroup.groups = {u"central-asia"_s};
    brief.claims << viaGroup;
    const Claim *group = brief.claim(viaGroup.id);
    const ClaimFinder finder(brief, &coarseAtlas());
    const QList<const Claim *> aboutKaz = finder.aboutRegion(QStringLiteral("KAZ"));
    QVERIFY(aboutKaz.contains(group));
    QVERIFY(aboutKaz.contains(brief.claim(u"c14"_s))); // linked directly
    // Without the atlas, only the direct links count.
    QVERIFY(!ClaimFinder(brief, nullptr).aboutRegion(QStringLiteral("KAZ")).contains(group));
    // And not for a region the narrative never touches.
    QVERIFY(finder.aboutRegion(QStringLiteral("BRA")).isEmpty());
    // A view of Kazakhstan (as the briefing pack prints it) says what the panel says...
    SavedView view;
    view.state.selectedRegion = QStringLiteral("KAZ");
    QCOMPARE(finder.aboutView(view), aboutKaz);
    // ...with its focused claim first, once.
    view.focusedClaim = viaGroup.id;
    QCOMPARE(finder.aboutView(view).first(), group);
    QCOMPARE(finder.aboutView(view).count(group), 1);
    QCOMPARE(finder.aboutView(view).size(), aboutKaz.size());
    // A feature's claims: the feature itself or its whole layer.
    for (const Claim *c : finder.aboutFeature(u"contested/senkaku"_s))
        QVERIFY(c->features.contains(u"contested"_s) || c->features.contains(u"contested/senkaku"_s));
    QVERIFY(finder.aboutFeature(u"contested/senkaku"_s).contains(brief.claim(u"c10"_s)));
}
