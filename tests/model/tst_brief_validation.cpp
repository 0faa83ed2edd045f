// Reading hostile or malformed briefs: each is refused or warned about, naming the place.

#include "tst_brief.h"

// --- Validation -------------------------------------------------------------------------------

void TestBrief::unknownReferencesAreReported()
{
    Brief b = fullBrief();
    b.claims[1].regions = {QStringLiteral("CHN"), QStringLiteral("XYZ")};
    b.claims[1].groups = {QStringLiteral("atlantis")};
    b.claims[1].features = {QStringLiteral("pipelines/south-stream"), QStringLiteral("nato"), QStringLiteral("sco"),
                            QStringLiteral("contested/kuril-islands")};
    b.layers << LayerSetting{QStringLiteral("railways"), true, 1.0};
    b.views[0].state.selectedRegion = QStringLiteral("QQQ");
    b.views[0].state.hiddenLayers << QStringLiteral("roads");
    const QStringList unknown = BriefReader::unknownReferences(b, coarseAtlas(), builtInLayers());
    QCOMPARE(unknown, (QStringList{QStringLiteral("claims[1] (c2): unknown region \"XYZ\""),
                                   QStringLiteral("claims[1] (c2): unknown region group \"atlantis\""),
                                   QStringLiteral("claims[1] (c2): unknown feature \"pipelines/south-stream\""),
                                   QStringLiteral("claims[1] (c2): unknown layer \"nato\""),
                                   QStringLiteral("layers[2]: unknown layer \"railways\""),
                                   QStringLiteral("views[0] (Everything): unknown region \"QQQ\""),
                                   QStringLiteral("views[0] (Everything): unknown layer \"roads\"")}));
}

void TestBrief::malformedBriefIsRejected_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    const QByteArray claim(goodClaim), view(goodView);
    const auto claims = [](const QByteArray &c) { return briefWith(("\"claims\": [" + c + "]").constData()); };
    const auto views = [](const QByteArray &v) { return briefWith(("\"views\": [" + v + "]").constData()); };
    const auto withClaim = [&](const char *from, const char *to) {
        return claims(QByteArray(claim).replace(from, to));
    };
    const auto withView = [&](const char *from, const char *to) { return views(QByteArray(view).replace(from, to)); };

    QTest::newRow("not JSON") << QByteArray(R"({"schemaVersion": 1,)") << "broken.json: not valid JSON at byte ";
    QTest::newRow("top level array") << QByteArray("[]") << "broken.json: not a Spheres brief (the top level is not an object)";
    QTest::newRow("no schemaVersion") << QByteArray(R"({"title": "x"})") << "broken.json: \"schemaVersion\" is missing";
    QTest::newRow("schemaVersion 0") << QByteArray(R"({"schemaVersion": 0})")
                                     << "broken.json: \"schemaVersion\" must be a whole number from 1 (it is 0)";
    QTest::newRow("schemaVersion 1.5") << QByteArray(R"({"schemaVersion": 1.5})")
                                       << "\"schemaVersion\" must be a whole number from 1 (it is 1.5)";
    QTest::newRow("schemaVersion string") << QByteArray(R"({"schemaVersion": "1"})")
                                          << "\"schemaVersion\" must be a whole number from 1 (it is not a number)";
    QTest::newRow("title not a string") << QByteArray(R"({"schemaVersion": 1, "title": 3})")
                                        << "broken.json: \"title\" must be a string";
    QTest::newRow("bad date") << QByteArray(R"({"schemaVersion": 1, "date": "28.11.2026"})")
                              << "broken.json: \"date\" must be a date \"YYYY-MM-DD\" (it is \"28.11.2026\")";
    QTest::newRow("impossible date") << QByteArray(R"({"schemaVersion": 1, "date": "2026-02-30"})")
                                     << "\"date\" must be a date";
    QTest::newRow("narrative not object") << briefWith("").replace(R"({"paragraphs": ["One. Two.", "Three."]})", "[]")
                                          << "broken.json: narrative: must be an object";
    QTest::newRow("paragraph not string") << briefWith("").replace(R"("Three.")", "3")
                                          << "broken.json: narrative: \"paragraphs\"[1] must be a string";
    QTest::newRow("claims not array") << briefWith(R"("claims": {})") << "broken.json: \"claims\" must be an array";
    QTest::newRow("claim not object") << claims("3") << "broken.json: claims[0]: must be an object";
    QTest::newRow("claim without id") << withClaim(R"("id": "c1", )", "") << "broken.json: claims[0]: \"id\" is missing";
    QTest::newRow("stance") << claims(claim + ", " + QByteArray(claim).replace("c1", "c2").replace("context", "friendly"))
                            << "broken.json: claims[1] (c2): \"stance\" must be one of cooperation, rivalry, context (it is \"friendly\")";
    QTest::newRow("stance missing") << withClaim(R"(, "stance": "context")", "")
                                    << "broken.json: claims[0] (c1): \"stance\" must be one of cooperation, rivalry, context (missing)";
    QTest::newRow("paragraph out of range")
        << withClaim(R"("paragraph": 0)", R"("paragraph": 2)")
        << "broken.json: claims[0] (c1): \"paragraph\" is 2, but the last paragraph of the narrative is 1";
    QTest::newRow("paragraph negative") << withClaim(R"("paragraph": 0)", R"("paragraph": -1)")
                                        << "broken.json: claims[0] (c1): \"paragraph\" must be a whole number from 0 (it is -1)";
    QTest::newRow("sentence out of range")
        << withClaim(R"("paragraph": 0, "sentence": 1)", R"("paragraph": 1, "sentence": 1)")
        << "broken.json: claims[0] (c1): \"sentence\" is 1, but the last sentence of paragraph 1 is 0";
    QTest::newRow("sentence fractional") << withClaim(R"("sentence": 1)", R"("sentence": 0.5)")
                                         << "claims[0] (c1): \"sentence\" must be a whole number from 0 (it is 0.5)";
    QTest::newRow("no narrative") << QByteArray(R"({"schemaVersion": 1, "claims": [)") + claim + "]}"
                                  << "broken.json: claims[0] (c1): \"paragraph\" is 0, but the narrative has no paragraphs";
    QTest::newRow("text missing") << withClaim(R"("text": "Two.", )", "") << "broken.json: claims[0] (c1): \"text\" is missing";
    QTest::newRow("duplicate ids") << claims(claim + ", " + claim)
                                   << "broken.json: claims[1] (c1): the id is used before, by claims[0]";
    QTest::newRow("confidence above 1") << withClaim("}", R"(, "confidence": 1.5})")
                                        << "broken.json: claims[0] (c1): \"confidence\" must be a number from 0 to 1 (it is 1.5)";
    QTest::newRow("confidence negative") << withClaim("}", R"(, "confidence": -0.1})")
                                         << "claims[0] (c1): \"confidence\" must be a number from 0 to 1 (it is -0.1)";
    QTest::newRow("regions not strings") << withClaim("}", R"(, "regions": ["CHN", 7]})")
                                         << "broken.json: claims[0] (c1): \"regions\"[1] must be a non-empty string";
    QTest::newRow("features not array") << withClaim("}", R"(, "features": "sco"})")
                                        << "broken.json: claims[0] (c1): \"features\" must be an array of strings";
    QTest::newRow("note not string") << withClaim("}", R"(, "note": ["x"]})")
                                     << "broken.json: claims[0] (c1): \"note\" must be a string";
    QTest::newRow("source without title") << withClaim("}", R"(, "noteSources": [{"url": "https://example.org"}]})")
                                          << "broken.json: claims[0] (c1): noteSources[0]: \"title\" is missing";
    QTest::newRow("layers not array") << briefWith(R"("layers": "sco")") << "broken.json: \"layers\" must be an array";
    QTest::newRow("layer without id") << briefWith(R"("layers": [{"visible": true}])") << "broken.json: layers[0]: \"id\" is missing";
    QTest::newRow("opacity above 1") << briefWith(R"("layers": [{"id": "sco", "opacity": 1.2}])")
                                     << "broken.json: layers[0] (sco): \"opacity\" must be a number from 0 to 1 (it is 1.2)";
    QTest::newRow("opacity negative") << briefWith(R"("layers": [{"id": "sco", "opacity": -0.5}])")
                                      << "broken.json: layers[0] (sco): \"opacity\" must be a number from 0 to 1 (it is -0.5)";
    QTest::newRow("visible not bool") << briefWith(R"("layers": [{"id": "sco", "visible": 1}])")
                                      << "broken.json: layers[0] (sco): \"visible\" must be true or false";
    QTest::newRow("duplicate layer") << briefWith(R"("layers": [{"id": "sco"}, {"id": "sco"}])")
                                     << "broken.json: layers[1] (sco): the layer is listed before, at layers[0]";
    QTest::newRow("view without name") << withView(R"("name": "Overview", )", "") << "broken.json: views[0]: \"name\" is missing";
    QTest::newRow("year too early") << withView(R"("year": 2026)", R"("year": 1700)")
                                    << "broken.json: views[0] (Overview): \"year\" must be a whole number from 1800 to 2100 (it is 1700)";
    QTest::newRow("year too late") << withView(R"("year": 2026)", R"("year": 2101)")
                                   << "broken.json: views[0] (Overview): \"year\" must be a whole number from 1800 to 2100 (it is 2101)";
    QTest::newRow("year missing") << withView(R"(, "year": 2026)", "") << "broken.json: views[0] (Overview): \"year\" is missing";
    QTest::newRow("metresPerPixel zero") << withView(R"("metresPerPixel": 5200)", R"("metresPerPixel": 0)")
                                         << "broken.json: views[0] (Overview): \"metresPerPixel\" must be a number greater than 0 (it is 0)";
    QTest::newRow("metresPerPixel negative") << withView(R"("metresPerPixel": 5200)", R"("metresPerPixel": -3)")
                                             << "views[0] (Overview): \"metresPerPixel\" must be a number greater than 0 (it is -3)";
    QTest::newRow("longitude") << withView("[95, 45]", "[190, 45]")
                               << "broken.json: views[0] (Overview): \"centre\": longitude 190 is outside [-180, 180]";
    QTest::newRow("latitude") << withView("[95, 45]", "[95, -91]")
                              << "broken.json: views[0] (Overview): \"centre\": latitude -91 is outside [-90, 90]";
    QTest::newRow("centre shape") << withView("[95, 45]", "[95]")
                                  << "broken.json: views[0] (Overview): \"centre\" must be [longitude, latitude]";
    QTest::newRow("centre not numbers") << withView("[95, 45]", R"(["95E", "45N"])")
                                        << "broken.json: views[0] (Overview): \"centre\" must be [longitude, latitude]";
    QTest::newRow("unknown projection") << withView(R"("eurasia")", R"("mercator")")
                                        << "broken.json: views[0] (Overview): \"projection\" must be one of eurasia, ";
    QTest::newRow("hiddenLayers") << withView("}", R"(, "hiddenLayers": [""]})")
                                  << "broken.json: views[0] (Overview): \"hiddenLayers\"[0] must be a non-empty string";
    QTest::newRow("unknown chart") << withView("}", R"(, "charts": ["energy", "pie"]})")
                                   << "broken.json: views[0] (Overview): \"charts\": \"pie\" is not a chart; choose from energy, sco, claims";
    QTest::newRow("chart twice") << withView("}", R"(, "charts": ["sco", "sco"]})")
                                 << "broken.json: views[0] (Overview): \"charts\": \"sco\" is listed twice";
    QTest::newRow("charts not an array") << withView("}", R"(, "charts": "energy"})")
                                         << "broken.json: views[0] (Overview): \"charts\" must be an array of strings";

    const QByteArray callout(R"({"id": "a1", "kind": "callout", "text": "Here", "anchor": [127.5, 50.3]})");
    const auto withAnnotation = [&](const char *from, const char *to) {
        return briefWith(("\"annotations\": [" + QByteArray(callout).replace(from, to) + "]").constData());
    };
    QTest::newRow("annotations not an array") << briefWith(R"("annotations": {})") << "broken.json: \"annotations\" must be an array";
    QTest::newRow("annotation not an object") << briefWith(R"("annotations": [3])")
                                              << "broken.json: annotations[0]: must be an object";
    QTest::newRow("annotation kind") << withAnnotation(R"("callout")", R"("bubble")")
                                     << "annotations[0] (a1): \"kind\" must be callout, arrow, pin, area or region (it is \"bubble\")";
    QTest::newRow("callout without text") << withAnnotation(R"("Here")", R"("  ")")
                                          << "annotations[0] (a1): a callout needs a \"text\"";
    QTest::newRow("anchor longitude") << withAnnotation("[127.5, 50.3]", "[227.5, 50.3]")
                                      << "annotations[0] (a1): \"anchor\": longitude 227.5 is outside [-180, 180]";
    QTest::newRow("anchor missing") << withAnnotation(R"(, "anchor": [127.5, 50.3])", "")
                                    << "annotations[0] (a1): \"anchor\" must be [longitude, latitude]";
    QTest::newRow("arrow without tail") << withAnnotation(R"("callout")", R"("arrow")")
                                        << "annotations[0] (a1): \"tail\" must be [longitude, latitude]";
    QTest::newRow("area of two points")
        << briefWith(R"("annotations": [{"id": "a1", "kind": "area", "points": [[1, 2], [3, 4]]}])")
        << "annotations[0] (a1): \"points\" must be an array of 3 to 10000 [longitude, latitude] pairs";
    QTest::newRow("area point out of range")
        << briefWith(R"("annotations": [{"id": "a1", "kind": "area", "points": [[1, 2], [3, 4], [5, 95]]}])")
        << "annotations[0] (a1): \"points[2]\": latitude 95 is outside [-90, 90]";
    QTest::newRow("region without code") << briefWith(R"("annotations": [{"id": "a1", "kind": "region"}])")
                                         << "annotations[0] (a1): \"region\" is missing";
    QTest::newRow("colour") << withAnnotation("}", R"(, "colour": "red"})")
                            << "annotations[0] (a1): \"colour\" must be \"#rrggbb\" (it is \"red\")";
    QTest::newRow("text size") << withAnnotation("}", R"(, "textSize": 500})")
                               << "annotations[0] (a1): \"textSize\" must be a number from 6 to 72 (it is 500)";
    QTest::newRow("text offset") << withAnnotation("}", R"(, "textOffset": [1e9, 0]})")
                                 << "annotations[0] (a1): \"textOffset\" must be [x, y] in pixels, each from -2000 to 2000";
    QTest::newRow("duplicate annotation")
        << briefWith(("\"annotations\": [" + callout + ", " + callout + "]").constData())
        << "annotations[1] (a1): the id is used before, by annotations[0]";
}

void TestBrief::malformedBriefIsRejected()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("broken.json"));
    QVERIFY2(!r.ok(), data.constData());
    QVERIFY2(r.error.startsWith(u"broken.json: "), qPrintable(r.error));
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QCOMPARE(r.brief, Brief());
    QVERIFY(r.warnings.isEmpty());
}

void TestBrief::futureSchemaIsRefused()
{
    // Nothing else is looked at: a newer file may differ in every other respect.
    const BriefReader::Result r =
        BriefReader::read(R"({"schemaVersion": 7, "claims": "a new shape"})", QStringLiteral("brief.json"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error, QStringLiteral("brief.json: written by a newer Spheres (schema 7); this version reads schema 1"));
}

void TestBrief::unknownMembersWarn()
{
    const QByteArray data = briefWith((R"("colour": "red", "claims": [)" + QByteArray(goodClaim).replace("}", R"(, "regoins": ["CHN"]})")
                                       + "]")
                                          .constData());
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("brief.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.warnings, (QStringList{QStringLiteral("brief.json: unknown member \"colour\" is ignored"),
                                      QStringLiteral("brief.json: claims[0] (c1): unknown member \"regoins\" is ignored")}));
}

void TestBrief::textNotInParagraphWarns()
{
    const QByteArray data = briefWith(("\"claims\": [" + QByteArray(goodClaim).replace("Two.", "Four.") + "]").constData());
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("brief.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.warnings, QStringList{QStringLiteral("brief.json: claims[0] (c1): the text is not in paragraph 0 of the narrative")});
}

void TestBrief::claimsOnLongSentences_data()
{
    QTest::addColumn<int>("paragraphs");
    QTest::addColumn<int>("claims");
    QTest::addColumn<int>("quoteLength");
    QTest::addColumn<bool>("quoted"); // each claim's text is in its paragraph
    // Small versions of the files that took minutes (spheres_bench --hostile times the large ones).
    QTest::newRow("a quote of repetitive text, not in the paragraph") << 1 << 20 << 20'000 << false;
    QTest::newRow("one word, many claims") << 3 << 600 << 1 << false;
    QTest::newRow("the quote is in the paragraph") << 2 << 20 << 20'000 << true;
}

void TestBrief::claimsOnLongSentences()
{
    QFETCH(int, paragraphs);
    QFETCH(int, claims);
    QFETCH(int, quoteLength);
    QFETCH(bool, quoted);
    QByteArray data = hostile::briefWithLongSentences(paragraphs, claims, 20'000, quoteLength);
    if (quoted)
        data.replace("\"text\": \"Another ", "\"text\": \"");
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("long.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.brief.claims.size(), claims);
    QCOMPARE(r.warnings.size(), quoted ? 0 : claims);
    if (!quoted) {
        QCOMPARE(r.warnings.last(), u"long.json: claims[%1] (c%1): the text is not in paragraph %2 of the narrative"_s
                                        .arg(claims - 1).arg((claims - 1) % paragraphs));
    }
    // Each paragraph is one sentence: a claim on its second is still refused.
    data.replace("\"sentence\": 0", "\"sentence\": 1");
    QCOMPARE(BriefReader::read(data, QStringLiteral("long.json")).error,
             u"long.json: claims[0] (c0): \"sentence\" is 1, but the last sentence of paragraph 0 is 0"_s);
}

void TestBrief::absurdScaleIsBroughtIntoRange_data()
{
    QTest::addColumn<QByteArray>("scale");
    QTest::addColumn<double>("drawnAt");
    QTest::addColumn<QString>("warning"); // empty: none
    const QString where = u"brief.json: views[0] (Overview): "_s;
    QTest::newRow("1e-300") << QByteArray("1e-300") << ViewLimits::kMinMetresPerPixel
                            << where + u"\"metresPerPixel\" 1e-300 is outside [10, 1e+07]; the view is drawn at 10"_s;
    QTest::newRow("5e-324 (the smallest double)") << QByteArray("5e-324") << ViewLimits::kMinMetresPerPixel
                                                  << where + u"\"metresPerPixel\" 4.94066e-324 is outside [10, 1e+07]; the view is drawn at 10"_s;
    QTest::newRow("9.99") << QByteArray("9.99") << ViewLimits::kMinMetresPerPixel
                          << where + u"\"metresPerPixel\" 9.99 is outside [10, 1e+07]; the view is drawn at 10"_s;
    QTest::newRow("1e300") << QByteArray("1e300") << ViewLimits::kMaxMetresPerPixel
                           << where + u"\"metresPerPixel\" 1e+300 is outside [10, 1e+07]; the view is drawn at 1e+07"_s;
    QTest::newRow("the finest allowed") << QByteArray("10") << 10.0 << QString();
    QTest::newRow("the coarsest allowed") << QByteArray("1e7") << 1e7 << QString();
}

void TestBrief::absurdScaleIsBroughtIntoRange()
{
    QFETCH(QByteArray, scale);
    QFETCH(double, drawnAt);
    QFETCH(QString, warning);
    const QByteArray view = QByteArray(goodView).replace("5200", scale);
    const BriefReader::Result r = BriefReader::read(briefWith(("\"views\": [" + view + "]").constData()), u"brief.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.brief.views.front().state.metresPerPixel, drawnAt);
    QCOMPARE(r.warnings, warning.isEmpty() ? QStringList() : QStringList{warning});
}

void TestBrief::dangledFocusedClaimWarns()
{
    const QByteArray data = briefWith(("\"views\": [" + QByteArray(goodView).replace("}", R"(, "focusedClaim": "c9"})") + "]").constData());
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("brief.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.brief.views[0].focusedClaim, QStringLiteral("c9")); // kept, so that nothing is lost on saving
    QCOMPARE(r.warnings,
             QStringList{QStringLiteral("brief.json: views[0] (Overview): \"focusedClaim\" \"c9\" is not a claim of this brief")});
}

void TestBrief::oversizedInputIsRefused()
{
    const QByteArray big(BriefReader::kMaxFileBytes + 1, ' ');
    const BriefReader::Result r = BriefReader::read(big, QStringLiteral("huge.json"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error, QStringLiteral("huge.json: the file is larger than 16 MiB"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.spheres.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(BriefReader::kMaxFileBytes + 1)); // sparse
    file.close();
    const BriefReader::Result f = BriefReader::readFile(path);
    QCOMPARE(f.error, path + QStringLiteral(": the file is larger than 16 MiB"));
}

void TestBrief::tooManyClaimsAreRefused()
{
    const auto withClaims = [](int n) {
        QByteArray data = R"({"schemaVersion": 1, "narrative": {"paragraphs": ["A."]}, "claims": [)";
        for (int i = 1; i <= n; ++i) {
            if (i > 1)
                data += ',';
            data += R"({"id": "c)" + QByteArray::number(i) + R"(", "paragraph": 0, "sentence": 0, "text": "A.", "stance": "context"})";
        }
        return data + "]}";
    };
    const BriefReader::Result atLimit = BriefReader::read(withClaims(int(BriefReader::kMaxClaims)), QStringLiteral("many.json"));
    QVERIFY2(atLimit.ok(), qPrintable(atLimit.error));
    QCOMPARE(atLimit.brief.claims.size(), BriefReader::kMaxClaims);

    const BriefReader::Result over = BriefReader::read(withClaims(int(BriefReader::kMaxClaims) + 1), QStringLiteral("many.json"));
    QVERIFY(!over.ok());
    QCOMPARE(over.error, QStringLiteral("many.json: the brief has 10001 claims; Spheres reads at most 10000"));
}

void TestBrief::overlongStringIsRefused()
{
    const auto withTitle = [](qsizetype length) {
        return R"({"schemaVersion": 1, "title": ")" + QByteArray(length, 'x') + "\"}";
    };
    const BriefReader::Result atLimit = BriefReader::read(withTitle(BriefReader::kMaxStringLength), QStringLiteral("long.json"));
    QVERIFY2(atLimit.ok(), qPrintable(atLimit.error));

    const BriefReader::Result over = BriefReader::read(withTitle(BriefReader::kMaxStringLength + 1), QStringLiteral("long.json"));
    QCOMPARE(over.error, QStringLiteral("long.json: title: a string is longer than 100000 characters"));

    const QByteArray deep = briefWith(("\"claims\": [" + QByteArray(goodClaim) + ", "
                                       + QByteArray(goodClaim).replace("c1", "c2").replace("}", ", \"note\": \"" + QByteArray(100'001, 'y') + "\"}")
                                       + "]")
                                          .constData());
    const BriefReader::Result nested = BriefReader::read(deep, QStringLiteral("long.json"));
    QCOMPARE(nested.error, QStringLiteral("long.json: claims[1].note: a string is longer than 100000 characters"));
}

void TestBrief::missingFileIsNamed()
{
    const BriefReader::Result r = BriefReader::readFile(QStringLiteral("/nonexistent/mine.spheres.json"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"/nonexistent/mine.spheres.json: "), qPrintable(r.error));
}
