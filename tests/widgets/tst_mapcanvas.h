// The map canvas's tests: one program, tst_mapcanvas, whose slots are defined by topic across
// tst_mapcanvas*.cpp so that no file grows past 500 lines.
#pragma once

#include "panels/contextpanel.h"
#include "labelplacer.h"
#include "panels/layerspanel.h"
#include "layerpainter.h"
#include "dialogs/layerchoicedialog.h"
#include "mainwindow.h"
#include "layerlegend.h"
#include "map/mapcanvas.h"
#include "membershipcomparison.h"
#include "panels/searchbox.h"
#include "map/timeslider.h"

#include <QApplication>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QMouseEvent>
#include <QSet>
#include <QTest>
#include <QTreeWidget>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

inline void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, w->mapToGlobal(pos), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton,
                      buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &event);
}

/// The widget painted into an image of `ratio` device pixels per logical pixel.
inline QImage renderAt(QWidget *w, qreal ratio)
{
    QImage image(w->size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    w->render(&image);
    return image;
}

/// The mean difference of two images of the same size inside `box`, per pixel and channel (0–255).
inline double meanDifference(const QImage &a, const QImage &b, const QRect &box)
{
    const QImage x = a.copy(box).convertToFormat(QImage::Format_RGB888), y = b.copy(box).convertToFormat(QImage::Format_RGB888);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row)
        for (int i = 0; i < x.width() * 3; ++i)
            sum += std::abs(int(x.constScanLine(row)[i]) - int(y.constScanLine(row)[i]));
    return sum / (x.width() * x.height() * 3);
}

/// How much of `image` inside `box` (device pixels) is finer than half its resolution: the mean
/// difference from the image taken down to half size and back up. An image that was painted at
/// half the resolution and scaled up has little such detail.
inline double fineDetail(const QImage &image, const QRect &box)
{
    const QImage crop = image.copy(box).convertToFormat(QImage::Format_Grayscale8);
    const QImage coarse = crop.scaled(crop.size() / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .scaled(crop.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double sum = 0;
    for (int y = 0; y < crop.height(); ++y)
        for (int x = 0; x < crop.width(); ++x)
            sum += std::abs(int(crop.constScanLine(y)[x]) - int(coarse.constScanLine(y)[x]));
    return sum / (crop.width() * crop.height());
}

} // namespace

class TestMapCanvas : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void clickSelectsRegion_data();
    void clickSelectsRegion();
    void escapeClearsSelection();
    void dragPans();
    void aPanEndsOnTheMapAsRendered_data();
    void aPanEndsOnTheMapAsRendered();
    void wheelZoomsAboutCursor();
    void zoomingInLoadsFineDetail();
    void projectionChangeKeepsSelection();
    void clickOnPipelineShowsItsFacts();
    void clickOnSiteShowsItsFactsInItsPeriod();
    void regionPanelListsLayerFacts();
    void timelineRedrawsAsOfYear();
    void hiddenLayerIsNotClickable();
    void addLayerFile();
    void addCsvLayerShowsAttributesAsText();
    void layerChoiceStartsAllTicked();
    void addBuiltInBlocLayer();
    void addingTheComparisonHidesItsSources();
    void mapFollowsThePalette_data();
    void mapFollowsThePalette();
    void paintsFineDetailAtPixelRatio2();
    void legendFoldsOnAClickAndMovesOnADrag_data();
    void legendFoldsOnAClickAndMovesOnADrag();
    void clickPicksTheLineDrawnThere();

private:
    MapCanvas *canvas() const { return m_window->canvas(); }
    QPointF pixelOf(QPointF lonLat) const { return *canvas()->scene()->pixelOf(canvas()->view(), lonLat); }
    const Layer *builtIn(const QString &id) const
    {
        for (const auto &layer : canvas()->layers())
            if (layer->id == id)
                return layer.get();
        return nullptr;
    }
    std::unique_ptr<MainWindow> m_window;
};
