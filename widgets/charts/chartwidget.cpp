#include "chartwidget.h"
#include "dialogs/alert.h"

#include "atomicfile.h"
#include "pngencoder.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLayout>
#include <QLegend>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QStandardPaths>
#include <QSvgGenerator>

namespace spheres {

ChartWidget::ChartWidget(QWidget *parent)
    : QWidget(parent)
{
    setContextMenuPolicy(Qt::DefaultContextMenu);
}

QChartView *ChartWidget::addChartView(QChart *chart)
{
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    // The view's own context menu would swallow ours.
    view->setContextMenuPolicy(Qt::NoContextMenu);
    chart->setAnimationOptions(QChart::NoAnimation); // exports and tests see the final state
    m_views << view;
    return view;
}

bool ChartWidget::isDark() const { return palette().color(QPalette::Window).lightness() < 128; }

QFont ChartWidget::scaledFont(double factor) const
{
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(qMax(1, int(f.pixelSize() * factor)));
    return f;
}

void ChartWidget::describe(QChartView *view, const QString &name, const QString &description)
{
    view->setAccessibleName(name);
    view->setAccessibleDescription(description);
    if (m_views.size() == 1) {
        setAccessibleName(name);
        setAccessibleDescription(description);
    }
}

void ChartWidget::restyle()
{
    if (m_restyling)
        return;
    m_restyling = true;
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(120);
    for (QChartView *view : std::as_const(m_views)) {
        QChart *chart = view->chart();
        // The theme first: it resets colours and fonts, which are then set from the palette.
        chart->setTheme(isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(pal.color(QPalette::Base));
        chart->setBackgroundRoundness(0);
        view->setBackgroundBrush(pal.color(QPalette::Base));
        chart->setTitleBrush(text);
        chart->setTitleFont(scaledFont(1.15));
        chart->legend()->setLabelColor(text);
        chart->legend()->setFont(scaledFont(1.0));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsBrush(text);
            axis->setLabelsFont(scaledFont(0.95));
            axis->setTitleBrush(text);
            axis->setTitleFont(scaledFont(1.0));
            axis->setGridLineColor(grid);
            axis->setLinePenColor(pal.color(QPalette::Mid));
        }
    }
    styleSeries();
    m_restyling = false;
}

void ChartWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::ApplicationPaletteChange)
        restyle();
    QWidget::changeEvent(event);
}

void ChartWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Export PNG…"), this, [this] { exportInteractively(QStringLiteral("png")); });
    menu.addAction(tr("Export SVG…"), this, [this] { exportInteractively(QStringLiteral("svg")); });
    menu.exec(event->globalPos());
}

void ChartWidget::exportInteractively(const QString &suffix)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString filter = suffix == u"svg" ? tr("SVG images (*.svg)") : tr("PNG images (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), dir + QStringLiteral("/chart.") + suffix, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    const QString error = exportTo(path);
    if (!error.isEmpty())
        Alert::warning(this, tr("Export failed"), error);
}

QString ChartWidget::exportTo(const QString &path)
{
    // A chart that was never shown has no geometry yet: lay it out at a readable size.
    if (!isVisible()) {
        if (width() < 200 || height() < 150)
            resize(qMax(width(), 800), qMax(height(), 500));
        if (layout())
            layout()->activate();
    }
    const QSize size = this->size();
    const bool svg = QFileInfo(path).suffix().compare(u"svg", Qt::CaseInsensitive) == 0;
    QPixmap pixmap;
    if (!svg) {
        // Twice the device pixel ratio, so that a slide or a print stays sharp.
        pixmap = QPixmap(size * 2);
        pixmap.setDevicePixelRatio(2.0);
        pixmap.fill(palette().color(QPalette::Base));
        render(&pixmap, QPoint(), QRegion(), QWidget::DrawChildren);
    }
    const QString error = AtomicFile::save(path, [&](QIODevice &file, QString &why) {
        if (!svg) {
            const QByteArray png = PngEncoder::encode(pixmap.toImage(), &why);
            return !png.isEmpty() && file.write(png) == png.size();
        }
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(windowTitle().isEmpty() ? tr("Chart") : windowTitle());
        generator.setDescription(tr("Exported from Spheres"));
        QPainter painter(&generator);
        render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        return painter.end();
    });
    return error.isEmpty() ? QString() : tr("Could not write %1").arg(error);
}

} // namespace spheres
