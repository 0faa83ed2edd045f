// Text from a file is always shown as text: a brief, a layer or a narrative that holds markup,
// `<img src='/dev/zero'>`, quotes or odd ids is shown literally wherever the window shows it, our
// documents load no resource, internal links keep their ids whole, and only web addresses open,
// after the reader has seen and confirmed them.
#include "document/briefdocument.h"
#include "panels/claimeditor.h"
#include "panels/contextpanel.h"
#include "document/documentactions.h"
#include "panels/internallink.h"
#include "panels/layerspanel.h"
#include "mainwindow.h"
#include "panels/narrativepanel.h"
#include "safetext.h"
#include "panels/sourcelink.h"
#include "panels/viewspanel.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QApplication>
#include <QDesktopServices>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>
#include <QTreeWidget>
#include <QUndoStack>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

/// What a label or tooltip shows for `text`: Qt renders it as HTML when it looks like HTML.
QString shown(const QString &text, Qt::TextFormat format = Qt::AutoText)
{
    if (format == Qt::PlainText || (format == Qt::AutoText && !Qt::mightBeRichText(text)))
        return text;
    SafeTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

/// The anchors of a rich-text document, in order.
QStringList anchors(const QTextDocument &doc)
{
    QStringList out;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (const QString href = it.fragment().charFormat().anchorHref(); !href.isEmpty() && !out.contains(href))
                out << href;
    return out;
}

QStringList anchors(const QString &html)
{
    SafeTextDocument doc;
    doc.setHtml(html);
    return anchors(doc);
}

/// Records what would have been handed to the desktop's opener.
class OpenRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

const QStringList kSchemes{u"http"_s, u"https"_s, u"file"_s, u"javascript"_s, u"ftp"_s, u"mailto"_s};

} // namespace

class TestHostileContent : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fileTextIsShownAsText_data();
    void fileTextIsShownAsText();
    void idsStayWholeInLinks_data();
    void idsStayWholeInLinks();
    void onlyWebAddressesOpen_data();
    void onlyWebAddressesOpen();
    void ourDocumentsLoadNoResource_data();
    void ourDocumentsLoadNoResource();
    void cleanupTestCase();

private:
    /// The default brief with `payload` as its title, first claim (sentence and note), first
    /// view's caption, and `claimId` as the first claim's id; saved and opened in the window.
    void openHostileBrief(const QString &payload, const QString &claimId = u"c1"_s);
    /// A contested-zones layer whose texts are `payload` and whose one source is at `url`.
    void addHostileLayer(const QString &payload, const QString &url = u"https://example.org/"_s);
    QLabel *panelLabel(int index) const;

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
    OpenRecorder m_opener;
};

void TestHostileContent::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SpheresTest"_s);
    QCoreApplication::setApplicationName(u"tst_hostilecontent"_s);
    for (const QString &scheme : kSchemes)
        QDesktopServices::setUrlHandler(scheme, &m_opener, "open");
}

void TestHostileContent::cleanupTestCase()
{
    for (const QString &scheme : kSchemes)
        QDesktopServices::unsetUrlHandler(scheme);
}

void TestHostileContent::init()
{
    m_opener.opened.clear();
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->loadBaseMap());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestHostileContent::cleanup()
{
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestHostileContent::openHostileBrief(const QString &payload, const QString &claimId)
{
    QFile shipped(u":/briefs/china-russia.spheres.json"_s);
    QVERIFY(shipped.open(QIODevice::ReadOnly));
    QJsonObject brief = QJsonDocument::fromJson(shipped.readAll()).object();
    QVERIFY(!brief.isEmpty());
    brief[u"title"_s] = payload;
    QJsonObject narrative = brief[u"narrative"_s].toObject();
    QJsonArray paragraphs = narrative[u"paragraphs"_s].toArray();
    QJsonArray claims = brief[u"claims"_s].toArray();
    QJsonObject first = claims[0].toObject();
    const QString sentence = first[u"text"_s].toString();
    const QString hostileSentence = payload + u" is a sentence."_s;
    paragraphs[0] = paragraphs[0].toString().replace(sentence, hostileSentence);
    narrative[u"paragraphs"_s] = paragraphs;
    brief[u"narrative"_s] = narrative;
    first[u"text"_s] = hostileSentence;
    first[u"note"_s] = payload;
    const QString oldId = first[u"id"_s].toString();
    first[u"id"_s] = claimId;
    claims[0] = first;
    brief[u"claims"_s] = claims;
    QJsonArray views = brief[u"views"_s].toArray();
    for (qsizetype i = 0; i < views.size(); ++i) {
        QJsonObject view = views[i].toObject();
        if (i == 0)
            view[u"caption"_s] = payload;
        if (view[u"focusedClaim"_s].toString() == oldId)
            view[u"focusedClaim"_s] = claimId;
        views[i] = view;
    }
    brief[u"views"_s] = views;
    const QString path = m_dir.filePath(u"hostile.spheres.json"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(brief).toJson());
    out.close();
    QVERIFY(m_window->documentActions()->openFile(path));
}

void TestHostileContent::addHostileLayer(const QString &payload, const QString &url)
{
    const QJsonObject source{{u"title"_s, payload}, {u"publisher"_s, payload}, {u"url"_s, url}, {u"date"_s, u"2020-01-01"_s}};
    const QJsonObject properties{{u"name"_s, payload},
                                 {u"description"_s, payload},
                                 {u"note"_s, payload},
                                 {u"periods"_s, QJsonArray{QJsonObject{{u"since"_s, 2000}, {u"status"_s, u"disputed"_s}}}},
                                 {u"sources"_s, QJsonArray{source}},
                                 {u"claimants"_s, QJsonArray{u"CHN"_s, u"IND"_s}},
                                 {u"administeredBy"_s, QJsonArray{u"CHN"_s}}};
    const QJsonObject geometry{{u"type"_s, u"Polygon"_s},
                               {u"coordinates"_s, QJsonArray{QJsonArray{QJsonArray{80, 34}, QJsonArray{81, 34}, QJsonArray{81, 35},
                                                                         QJsonArray{80, 35}, QJsonArray{80, 34}}}}};
    const QJsonObject layer{
        {u"type"_s, u"FeatureCollection"_s},
        {u"spheres"_s, QJsonObject{{u"id"_s, u"hostile"_s},
                                   {u"kind"_s, u"zones"_s},
                                   {u"title"_s, payload},
                                   {u"description"_s, payload},
                                   {u"asOf"_s, u"2026-11-28"_s},
                                   {u"legend"_s, QJsonArray{QJsonObject{{u"key"_s, u"disputed"_s}, {u"label"_s, payload}}}}}},
        {u"features"_s, QJsonArray{QJsonObject{{u"type"_s, u"Feature"_s}, {u"id"_s, u"f1"_s}, {u"properties"_s, properties},
                                               {u"geometry"_s, geometry}}}}};
    const QString path = m_dir.filePath(u"hostile.geojson"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(layer).toJson());
    out.close();
    const QString error = m_window->addLayerFile(path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

/// The context panel's labels: 0 title, 1 subtitle, 2 body.
QLabel *TestHostileContent::panelLabel(int index) const
{
    const QList<QLabel *> labels = m_window->contextPanel()->findChildren<QLabel *>();
    return labels.value(index);
}

void TestHostileContent::fileTextIsShownAsText_data()
{
    QTest::addColumn<QString>("payload");
    QTest::newRow("an image of /dev/zero") << u"<img src='/dev/zero'>"_s;
    QTest::newRow("markup") << u"<b>bold</b> <a href='file:///etc/passwd'>link</a>"_s;
    QTest::newRow("entities") << u"&lt;b&gt; &amp; &#39;"_s;
    QTest::newRow("quotes") << u"x' style='font-size:200px"_s;
    QTest::newRow("placeholders") << u"%1 %2 %L1"_s;
}

void TestHostileContent::fileTextIsShownAsText()
{
    QFETCH(QString, payload);
    openHostileBrief(payload);
    addHostileLayer(payload);
    const QString sentence = payload + u" is a sentence."_s;

    // The context panel: a claim's sentence and note; a feature's name (title), its layer's
    // title (subtitle), description, note and source.
    ContextPanel *panel = m_window->contextPanel();
    panel->showClaim(u"c1"_s);
    QVERIFY2(panel->text().contains(u"“"_s + sentence + u"”"_s), qPrintable(panel->text()));
    QVERIFY2(panel->text().contains(u"\n"_s + payload + u"\n"_s), qPrintable(panel->text()));
    panel->showFeature(u"hostile/f1"_s);
    QCOMPARE(shown(panelLabel(0)->text(), panelLabel(0)->textFormat()), payload);
    QCOMPARE(shown(panelLabel(1)->text(), panelLabel(1)->textFormat()), payload);
    const QString body = shown(panelLabel(2)->text(), Qt::RichText);
    QVERIFY2(body.count(payload) >= 4, qPrintable(body)); // description, note, source title, publisher

    // The narrative: its title and the claim's sentence.
    auto *browser = m_window->narrativePanel()->findChild<QTextBrowser *>();
    QVERIFY(browser);
    QVERIFY2(browser->toPlainText().startsWith(payload + u'\n'), qPrintable(browser->toPlainText().left(200)));
    QVERIFY(browser->toPlainText().contains(sentence));

    // Tooltips: the first view's caption and the layer's description, shown as the pointer would.
    auto *views = m_window->viewsPanel()->findChild<QListWidget *>();
    QVERIFY(views && views->count() > 0);
    const QString captionTip = views->item(0)->toolTip();
    QCOMPARE(shown(captionTip), payload);
    QToolTip::showText(views->mapToGlobal(QPoint(10, 10)), captionTip, views);
    auto *layers = m_window->layersPanel()->findChild<QTreeWidget *>();
    QVERIFY(layers);
    const auto found = layers->findItems(payload, Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    QCOMPARE(shown(found.first()->toolTip(0)), payload);
    QToolTip::showText(layers->mapToGlobal(QPoint(10, 10)), found.first()->toolTip(0), layers);
    QTRY_VERIFY(QToolTip::isVisible());
    QToolTip::hideText();

    // The claim editor, opened from the panel's link.
    panel->showClaim(u"c1"_s);
    const QStringList links = anchors(panelLabel(2)->text());
    const QString edit = InternalLink::href(InternalLink::Kind::EditClaim, u"c1"_s);
    QVERIFY2(links.contains(edit), qPrintable(links.join(u' ')));
    QString editorShows;
    QTimer::singleShot(0, this, [&] {
        auto *editor = qobject_cast<ClaimEditor *>(QApplication::activeModalWidget());
        if (!editor)
            return;
        for (const QLabel *label : editor->findChildren<QLabel *>())
            if (label->text().contains(u"sentence"_s))
                editorShows = shown(label->text(), label->textFormat());
        editor->reject();
    });
    emit panelLabel(2)->linkActivated(edit);
    QCOMPARE(editorShows, u"“"_s + sentence + u"”"_s);
}

void TestHostileContent::idsStayWholeInLinks_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("quote and a file link") << u"c1' href='file:///etc/passwd"_s;
    QTest::newRow("double quote and markup") << u"c1\"><img src=\"/dev/zero\">"_s;
    QTest::newRow("scheme-like") << u"region:CHN"_s;
    QTest::newRow("percent and slash") << u"a%2Fb/c"_s;
    QTest::newRow("placeholder") << u"%1"_s;
    QTest::newRow("non-Latin") << u"утверждение 1"_s;
}

void TestHostileContent::idsStayWholeInLinks()
{
    QFETCH(QString, id);
    openHostileBrief(u"A brief"_s, id);
    ContextPanel *panel = m_window->contextPanel();
    panel->showClaim(id);
    QCOMPARE(panel->shownClaim(), id);
    QVERIFY2(panelLabel(1)->text().startsWith(u"Claim "_s + id + u" · paragraph 1, sentence 1"_s), qPrintable(panelLabel(1)->text()));

    // Every link in the panel is one of ours or a web address; the edit link carries the id whole.
    const QStringList links = anchors(panelLabel(2)->text());
    for (const QString &link : links)
        QVERIFY2(InternalLink::parse(link) || SourceLink::isSourceLink(link), qPrintable(link));
    QSignalSpy edits(panel, &ContextPanel::editClaimRequested);
    const QString edit = InternalLink::href(InternalLink::Kind::EditClaim, id);
    QVERIFY(links.contains(edit));
    QTimer::singleShot(0, this, [] {
        if (QWidget *modal = QApplication::activeModalWidget())
            qobject_cast<QDialog *>(modal)->reject();
    });
    emit panelLabel(2)->linkActivated(edit);
    QCOMPARE(edits.size(), 1);
    QCOMPARE(edits.first().first().toString(), id);

    // The narrative's link for the sentence brings back the same id.
    auto *browser = m_window->narrativePanel()->findChild<QTextBrowser *>();
    QSignalSpy activated(m_window->narrativePanel(), &NarrativePanel::claimActivated);
    const QStringList sentences = anchors(*browser->document());
    QVERIFY(!sentences.isEmpty());
    emit browser->anchorClicked(QUrl(sentences.first()));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), id);
    QVERIFY(m_opener.opened.isEmpty());
}

void TestHostileContent::onlyWebAddressesOpen_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("isLink");
    QTest::addColumn<QString>("answer"); // the button the reader presses in the confirmation
    QTest::addColumn<bool>("opens");
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << false << QString() << false;
    QTest::newRow("file") << u"file:///etc/passwd"_s << false << QString() << false;
    QTest::newRow("dev zero") << u"file:///dev/zero"_s << false << QString() << false;
    QTest::newRow("relative path") << u"../../etc/passwd"_s << false << QString() << false;
    QTest::newRow("no host") << u"https:///etc/passwd"_s << false << QString() << false;
    QTest::newRow("ftp") << u"ftp://example.org/file"_s << false << QString() << false;
    QTest::newRow("https, opened") << u"https://example.org/report?a=1&b=2"_s << true << u"Open"_s << true;
    QTest::newRow("http, cancelled") << u"http://example.org/"_s << true << u"Cancel"_s << false;
    QTest::newRow("https, copied") << u"https://example.org/x"_s << true << u"Copy address"_s << false;
}

void TestHostileContent::onlyWebAddressesOpen()
{
    QFETCH(QString, address);
    QFETCH(bool, isLink);
    QFETCH(QString, answer);
    QFETCH(bool, opens);
    addHostileLayer(u"Zone"_s, address);
    ContextPanel *panel = m_window->contextPanel();
    panel->showFeature(u"hostile/f1"_s);
    const QStringList links = anchors(panelLabel(2)->text());
    const QString href = SourceLink::webAddress(address).toString(QUrl::FullyEncoded);
    QCOMPARE(!href.isEmpty() && links.contains(href), isLink);
    if (!isLink)
        QVERIFY2(panel->text().contains(address), qPrintable(panel->text())); // shown as text

    // A click on the link, or on one injected with the address itself, as the label reports it.
    QString asked;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = box->text();
        for (QAbstractButton *button : box->buttons())
            if (button->text().remove(u'&') == answer)
                button->click();
    });
    emit panelLabel(2)->linkActivated(isLink ? href : address);
    QCOMPARE(asked.contains(address), isLink);
    QCOMPARE(m_opener.opened.size(), opens ? 1 : 0);
    if (opens)
        QCOMPARE(m_opener.opened.first(), QUrl(address));
    if (answer.startsWith(u"Copy"_s))
        QCOMPARE(QApplication::clipboard()->text(), address);
}

void TestHostileContent::ourDocumentsLoadNoResource_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("text document") << u"document"_s;
    QTest::newRow("narrative") << u"narrative"_s;
}

/// A picture named in our rich-text documents is never read: a 400-pixel image would make the
/// text at least 400 pixels high. (QLabel's document cannot refuse: labels are escaped instead.)
void TestHostileContent::ourDocumentsLoadNoResource()
{
    QFETCH(QString, where);
    const QString picture = m_dir.filePath(u"tall.png"_s);
    QImage image(40, 400, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(picture));
    const QString html = u"<p>before <img src='%1'> after</p>"_s.arg(QUrl::fromLocalFile(picture).toString());
    int height = 0;
    if (where == u"document") {
        SafeTextDocument doc;
        doc.setHtml(html);
        height = int(doc.size().height());
    } else {
        auto *browser = m_window->narrativePanel()->findChild<QTextBrowser *>();
        browser->setHtml(html);
        height = int(browser->document()->size().height());
    }
    QVERIFY2(height < 100, qPrintable(QString::number(height)));
}

QTEST_MAIN(TestHostileContent)
#include "tst_hostilecontent.moc"
