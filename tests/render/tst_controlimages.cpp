// Control images, in the way QGIS's render checker works: small pictures at a fixed size and
// resolution, each compared with a stored reference at a colour tolerance and a mismatch budget,
// so that a projection losing its fills, a layer vanishing or a focus washing the map out fails,
// while anti-aliasing noise does not. The references live in tests/data/control/; after an
// intended change of the look, regenerate them (README.md there):
//   SPHERES_UPDATE_CONTROL_IMAGES=1 QT_QPA_PLATFORM=offscreen ./build/tests/tst_controlimages
#include "atlas.h"
#include "brief.h"
#include "briefingpack.h"
#include "briefio.h"
#include "exporter.h"
#include "exportoptions.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scenecache.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

constexpr QSize kSize(320, 200);
/// A pixel differs when a channel differs by more than this (anti-aliasing and font hinting).
constexpr int kTolerance = 40;
/// The share of differing pixels a picture may have and still match.
constexpr double kMismatchBudget = 0.02;

struct Comparison
{
    double mismatch = 1.0; ///< share of pixels beyond the tolerance
    QString error;
};

Comparison compare(const QImage &actual, const QImage &reference)
{
    if (reference.isNull())
        return {1.0, u"no reference image"_s};
    if (actual.size() != reference.size())
        return {1.0, u"size %1x%2, reference %3x%4"_s.arg(actual.width()).arg(actual.height()).arg(reference.width()).arg(reference.height())};
    const QImage a = actual.convertToFormat(QImage::Format_RGB32), b = reference.convertToFormat(QImage::Format_RGB32);
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *pa = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *pb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            if (std::abs(qRed(pa[x]) - qRed(pb[x])) > kTolerance || std::abs(qGreen(pa[x]) - qGreen(pb[x])) > kTolerance ||
                std::abs(qBlue(pa[x]) - qBlue(pb[x])) > kTolerance)
                ++differing;
    }
    return {double(differing) / (double(a.width()) * a.height()), QString()};
}

QString referencePath(const QString &name) { return QStringLiteral(SPHERES_CONTROL_DIR "/%1.png").arg(name); }

} // namespace

class TestControlImages : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mapMatchesItsControlImage_data();
    void mapMatchesItsControlImage();
    void slideMatchesItsControlImage();
    void packPageMatchesItsControlImage();
    void comparisonCatchesALostFill();

private:
    QImage render(const QString &projection, const QStringList &shownLayers, const QString &focusedClaim, bool dark);
    void check(const QString &name, const QImage &image);

    SceneCache m_cache;
    Brief m_brief;
};

void TestControlImages::initTestCase()
{
    const QString error = m_cache.loadBuiltIn();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const BriefReader::Result r = BriefReader::readBuiltIn();
    QVERIFY2(r.ok(), qPrintable(r.error));
    m_brief = r.brief;
}

QImage TestControlImages::render(const QString &projection, const QStringList &shownLayers, const QString &focusedClaim,
                                 bool dark)
{
    const ProjectionPreset &preset = *ProjectionCatalog::find(projection);
    Scene *scene = m_cache.sceneFor(projection, 1e9); // coarse: small pictures
    SavedView view;
    view.state = framedView(preset.projection, preset.homeExtent, kSize);
    view.state.year = 2024;
    for (const auto &layer : m_cache.layers())
        if (!shownLayers.contains(u"*"_s) && !shownLayers.contains(layer->id))
            view.state.hiddenLayers << layer->id;
    view.focusedClaim = focusedClaim;
    const ViewState state = BriefingPack::litState(m_brief, view, scene->coarse().atlas());
    MapRenderer renderer(dark ? MapStyle::dark() : MapStyle::standard());
    // Without the legend, which would cover most of so small a picture (the slide shows it).
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(painter, *scene, state, MapRenderer::kAllPasses & ~MapRenderer::Passes(MapRenderer::Pass::Legend));
    painter.end();
    return image;
}

void TestControlImages::check(const QString &name, const QImage &image)
{
    QVERIFY(!image.isNull());
    if (qEnvironmentVariableIsSet("SPHERES_UPDATE_CONTROL_IMAGES")) {
        QVERIFY(QDir().mkpath(QStringLiteral(SPHERES_CONTROL_DIR)));
        QVERIFY(image.save(referencePath(name)));
        return;
    }
    const Comparison c = compare(image, QImage(referencePath(name)));
    if (c.mismatch > kMismatchBudget) {
        const QString actual = QDir::temp().filePath(u"control-%1.png"_s.arg(name));
        image.save(actual);
        QFAIL(qPrintable(u"%1: %2% of the pixels differ (budget %3%)%4; the picture drawn is %5"_s.arg(name)
                             .arg(c.mismatch * 100, 0, 'f', 2)
                             .arg(kMismatchBudget * 100)
                             .arg(c.error.isEmpty() ? QString() : u" — "_s + c.error, actual)));
    }
}

void TestControlImages::mapMatchesItsControlImage_data()
{
    QTest::addColumn<QString>("projection");
    QTest::addColumn<QStringList>("layers"); // "*": all
    QTest::addColumn<QString>("focusedClaim");
    QTest::addColumn<bool>("dark");
    for (const QString &id : ProjectionCatalog::ids())
        QTest::newRow(qPrintable(u"projection-"_s + id)) << id << QStringList{u"*"_s} << QString() << false;
    for (const QString &layer : {u"pipelines"_s, u"contested"_s, u"sco"_s})
        QTest::newRow(qPrintable(u"layer-"_s + layer)) << u"eurasia"_s << QStringList{layer} << QString() << false;
    QTest::newRow("focused-claim") << u"eurasia"_s << QStringList{u"*"_s} << u"c1"_s << false;
    QTest::newRow("dark") << u"eurasia"_s << QStringList{u"*"_s} << QString() << true;
}

void TestControlImages::mapMatchesItsControlImage()
{
    QFETCH(QString, projection);
    QFETCH(QStringList, layers);
    QFETCH(QString, focusedClaim);
    QFETCH(bool, dark);
    check(QString::fromLatin1(QTest::currentDataTag()), render(projection, layers, focusedClaim, dark));
}

void TestControlImages::slideMatchesItsControlImage()
{
    // A presentation slide as the numbered PNGs of a storyboard give it: the map, its legend,
    // title and caption.
    QVERIFY(!m_brief.views.isEmpty());
    Brief one = m_brief;
    one.views = {m_brief.views.value(1, m_brief.views.first())};
    ExportOptions options;
    options.format = ExportOptions::Format::Png;
    options.pixelSize = QSize(480, 270);
    options.dpi = 96;
    QTemporaryDir dir;
    QStringList written;
    const Exporter::Result result = BriefingPack::exportPngSeries(
        MapRenderer(), [this](const QString &id) { return m_cache.sceneFor(id, 1e9); }, one, options,
        dir.filePath(u"slide"_s), {}, &written);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(written.size(), 1);
    check(u"slide"_s, QImage(written.first()));
}

void TestControlImages::packPageMatchesItsControlImage()
{
    // A page of the PDF briefing pack as a reader's viewer draws it (pdftoppm): the map, its
    // title, the text under it on the page; a lost map or text leaving the page shows.
    const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
    if (pdftoppm.isEmpty())
        QSKIP("pdftoppm (poppler-utils) is not installed: the pack's page is not drawn");
    Brief one = m_brief;
    one.views = {m_brief.views.value(1, m_brief.views.first())};
    ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset::A4, ExportOptions::Format::Pdf);
    options.dpi = 72;
    QTemporaryDir dir;
    const QString pdf = dir.filePath(u"pack.pdf"_s);
    const Exporter::Result result = BriefingPack::exportPdf(
        MapRenderer(), [this](const QString &id) { return m_cache.sceneFor(id, 1e9); }, one, options, pdf, {}, {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    QProcess raster;
    raster.start(pdftoppm, {u"-r"_s, u"30"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, u"-singlefile"_s, u"-png"_s, pdf,
                            dir.filePath(u"page"_s)});
    QVERIFY(raster.waitForFinished(60000));
    QCOMPARE(raster.exitCode(), 0);
    check(u"pack-page"_s, QImage(dir.filePath(u"page.png"_s)));
}

void TestControlImages::comparisonCatchesALostFill()
{
    // The checker itself: a map without its fills (the conic bug) is far beyond the budget.
    const QImage good = render(u"eurasia"_s, {u"*"_s}, QString(), false);
    QImage noFills = good.copy();
    QPainter painter(&noFills);
    painter.fillRect(noFills.rect(), MapStyle::standard().land);
    painter.end();
    QVERIFY(compare(noFills, good).mismatch > kMismatchBudget * 4);
    QCOMPARE(compare(good, good).mismatch, 0.0);
}

QTEST_MAIN(TestControlImages)
#include "tst_controlimages.moc"
