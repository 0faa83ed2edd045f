// View > Appearance: the desktop's colours, or light or dark whatever the desktop says; the
// panels and the map follow, the choice is remembered, and exports stay light.
#include "appearance.h"
#include "map/mapcanvas.h"
#include "mapstyle.h"

#include "../support/contrast.h"

#include <QtTest>

#include <QApplication>
#include <QMenu>
#include <QSettings>

using namespace Qt::StringLiterals;
using namespace spheres;

class TestAppearance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void choiceSetsThePaletteAndIsRemembered_data();
    void choiceSetsThePaletteAndIsRemembered();
    void darkPaletteReads_data();
    void darkPaletteReads();
    void menuChecksTheSavedChoice();
};

void TestAppearance::initTestCase()
{
    QCoreApplication::setOrganizationName(u"SpheresTest"_s);
    QCoreApplication::setApplicationName(u"tst_appearance"_s);
    QSettings().clear();
}

void TestAppearance::cleanup() { Appearance::apply(Appearance::Mode::System); }

void TestAppearance::choiceSetsThePaletteAndIsRemembered_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("dark");
    QTest::newRow("dark") << int(Appearance::Mode::Dark) << true;
    QTest::newRow("light") << int(Appearance::Mode::Light) << false;
    QTest::newRow("as the desktop (offscreen: light)") << int(Appearance::Mode::System) << false;
}

void TestAppearance::choiceSetsThePaletteAndIsRemembered()
{
    QFETCH(int, mode);
    QFETCH(bool, dark);
    MapCanvas canvas;
    canvas.resize(200, 120);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    Appearance::apply(Appearance::Mode::Dark == Appearance::Mode(mode) ? Appearance::Mode::Light : Appearance::Mode::Dark);
    Appearance::apply(Appearance::Mode(mode));
    QCOMPARE(MapStyle::isDarkPalette(QApplication::palette()), dark);
    QTRY_COMPARE(MapStyle::isDarkPalette(canvas.palette()), dark);
    QTRY_COMPARE(canvas.renderer().style().isDark, dark); // the map follows the window
    QCOMPARE(canvas.exportRenderer().style().isDark, false); // exports are paper and slides
    QCOMPARE(int(Appearance::saved()), mode);
}

void TestAppearance::darkPaletteReads_data()
{
    QTest::addColumn<int>("foreground");
    QTest::addColumn<int>("background");
    QTest::newRow("text on base") << int(QPalette::Text) << int(QPalette::Base);
    QTest::newRow("window text") << int(QPalette::WindowText) << int(QPalette::Window);
    QTest::newRow("button text") << int(QPalette::ButtonText) << int(QPalette::Button);
    QTest::newRow("selected text") << int(QPalette::HighlightedText) << int(QPalette::Highlight);
    QTest::newRow("tooltip") << int(QPalette::ToolTipText) << int(QPalette::ToolTipBase);
    QTest::newRow("link on base") << int(QPalette::Link) << int(QPalette::Base);
}

void TestAppearance::darkPaletteReads()
{
    QFETCH(int, foreground);
    QFETCH(int, background);
    const QPalette p = Appearance::darkPalette();
    const double ratio = test::contrast(p.color(QPalette::ColorRole(foreground)), p.color(QPalette::ColorRole(background)));
    QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio))); // WCAG AA for text
}

void TestAppearance::menuChecksTheSavedChoice()
{
    Appearance::apply(Appearance::Mode::Dark);
    QWidget parent;
    QMenu *menu = Appearance::menu(&parent);
    const QList<QAction *> actions = menu->actions();
    QCOMPARE(actions.size(), 3);
    QVERIFY(actions[2]->isChecked());
    actions[1]->trigger(); // Light
    QCOMPARE(Appearance::saved(), Appearance::Mode::Light);
    QVERIFY(!MapStyle::isDarkPalette(QApplication::palette()));
}

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
