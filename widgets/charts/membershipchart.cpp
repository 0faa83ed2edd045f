#include "membershipchart.h"
#include "layerpainter.h"
#include "mapstyle.h"
#include "membershiptimelinemodel.h"
#include "safetext.h"

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace spheres {

MembershipChart::MembershipChart(QWidget *parent)
    : ChartWidget(parent)
{
    setWindowTitle(tr("Membership by year"));
    m_model = new MembershipTimelineModel(this);
    auto *chart = new QChart;
    m_years = new QValueAxis;
    m_years->setLabelFormat(QStringLiteral("%d"));
    m_counts = new QValueAxis;
    m_counts->setLabelFormat(QStringLiteral("%d"));
    m_counts->setTitleText(tr("States"));
    chart->addAxis(m_years, Qt::AlignBottom);
    chart->addAxis(m_counts, Qt::AlignLeft);
    m_cursor = new QLineSeries;
    chart->addSeries(m_cursor);
    m_cursor->attachAxis(m_years);
    m_cursor->attachAxis(m_counts);
    chart->legend()->markers(m_cursor).constFirst()->setVisible(false);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    connect(chart, &QChart::plotAreaChanged, this, &MembershipChart::fitToWidth);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QChartView *view = addChartView(chart);
    view->viewport()->installEventFilter(this);
    view->setCursor(Qt::PointingHandCursor);
    view->setToolTip(tr("Click to go to a year"));
    layout->addWidget(view);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        rebuildSeries();
        updateAxes();
        updateCursor();
    });
    updateAxes();
    updateCursor();
    restyle();
}

QLineSeries *MembershipChart::series(const QString &status) const
{
    const qsizetype i = m_statuses.indexOf(status);
    return i >= 0 ? m_lines[i] : nullptr;
}

void MembershipChart::rebuildSeries()
{
    if (m_model->statuses() == m_statuses) { // another layer of the same statuses: new names and colours
        for (qsizetype i = 0; i < m_lines.size(); ++i)
            m_lines[i]->setName(SafeText::html(m_model->headerData(int(i) + 1, Qt::Horizontal).toString()));
        restyle();
        return;
    }
    QChart *chart = views().constFirst()->chart();
    qDeleteAll(m_mappers);
    m_mappers.clear();
    for (QLineSeries *line : std::as_const(m_lines)) {
        chart->removeSeries(line);
        delete line;
    }
    m_lines.clear();
    m_statuses = m_model->statuses();
    for (int i = 0; i < m_statuses.size(); ++i) {
        const int column = i + 1;
        auto *line = new QLineSeries;
        line->setName(SafeText::html(m_model->headerData(column, Qt::Horizontal).toString()));
        line->setPointsVisible(true);
        chart->addSeries(line);
        line->attachAxis(m_years);
        line->attachAxis(m_counts);
        auto *mapper = new QVXYModelMapper(this);
        mapper->setXColumn(MembershipTimelineModel::kYearColumn);
        mapper->setYColumn(column);
        mapper->setSeries(line);
        mapper->setModel(m_model);
        m_lines << line;
        m_mappers << mapper;
    }
    restyle();
}

void MembershipChart::setLayer(std::shared_ptr<const Layer> layer)
{
    m_model->setLayer(std::move(layer));
}

void MembershipChart::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    updateCursor();
}

void MembershipChart::updateAxes()
{
    int max = 1;
    for (int row = 0; row < m_model->rowCount(); ++row)
        for (int c = 1; c < m_model->columnCount(); ++c)
            max = std::max(max, m_model->index(row, c).data().toInt());
    m_counts->setRange(0, max + 1);
    m_counts->setTickType(QValueAxis::TicksDynamic);
    m_counts->setTickAnchor(0);
    m_counts->setTickInterval(max > 12 ? 5 : 2);
    m_years->setRange(m_model->firstYear(), m_model->lastYear());
    m_years->setTickType(QValueAxis::TicksDynamic);
    m_years->setTickAnchor(2000);
    m_years->setTickInterval(5);
    m_years->setTitleText(tr("Year"));
}

void MembershipChart::fitToWidth()
{
    QChart *chart = views().constFirst()->chart();
    const QRectF plot = chart->plotArea();
    if (plot.width() <= 0 || m_fitting)
        return;
    m_fitting = true;
    // A year label needs about five digits' room: every ten years where five would crowd.
    const double span = std::max(1, m_model->lastYear() - m_model->firstYear());
    const double digit = QFontMetricsF(m_years->labelsFont()).horizontalAdvance(QStringLiteral("0"));
    m_years->setTickInterval(plot.width() / (span / 5.0) >= 6 * digit ? 5 : 10);
    // One row of legend entries where they fit; in a narrow dock, one entry a line under the plot
    // (Qt Charts would elide them to "Me…", "Obs…").
    QLegend *legend = chart->legend();
    double row = 0;
    for (QLegendMarker *marker : legend->markers())
        if (marker->isVisible())
            row += QFontMetricsF(legend->font()).horizontalAdvance(marker->label()) + 3 * digit;
    const bool narrow = row > chart->size().width() - 16;
    if (narrow) {
        const double line = QFontMetricsF(legend->font()).height() + 4;
        const double height = line * (legend->markers().size() - 1) + 8;
        if (legend->isAttachedToChart()) {
            legend->detachFromChart();
            legend->setAlignment(Qt::AlignLeft);
            chart->setMargins(QMargins(4, 4, 4, int(height) + 4));
        }
        legend->setGeometry(QRectF(8, chart->size().height() - height - 4, chart->size().width() - 16, height));
        legend->update();
    } else if (!legend->isAttachedToChart()) {
        legend->attachToChart();
        legend->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
    }
    m_fitting = false;
}

void MembershipChart::updateCursor()
{
    // The cursor is the timeline's year, not data: two points from the axis' bottom to top.
    const double top = m_counts->max();
    m_cursor->replace(QList<QPointF>{{double(m_year), 0.0}, {double(m_year), top}});
    m_cursor->setVisible(m_year >= m_model->firstYear() && m_year <= m_model->lastYear());
    const QString name = m_model->layer() ? m_model->layer()->title : tr("Membership");
    QStringList counts; // "member 10": the status as the map's legend and context panel say it
    for (const QString &status : m_model->statuses())
        if (const int n = m_model->count(m_year, status); n > 0)
            counts << tr("%1 %2").arg(status).arg(n);
    const QString heading = tr("%1 in %2").arg(name, QString::number(m_year));
    // The chart's own title is the year's counts, short enough for a narrow dock, led by the
    // organisation's acronym ("CSTO in 2024: …"); a long title is the tab's tooltip and the
    // description's. Qt Charts shows titles as HTML.
    const QString acronym = m_model->layer() && m_model->layer()->shortName().size() <= kShortNameLength
                                ? m_model->layer()->shortName() : QString();
    const QString year = QString::number(m_year), list = counts.join(QStringLiteral(", "));
    const QString shown = counts.isEmpty()        ? heading
                          : acronym.isEmpty() ? tr("In %1: %2").arg(year, list)
                                              : tr("%1 in %2: %3").arg(acronym, year, list);
    views().constFirst()->chart()->setTitle(SafeText::html(shown));
    QStringList lines;
    for (const QString &status : m_model->statuses())
        lines << status;
    describe(views().constFirst(), shown,
             tr("%1 from %2 to %3, one line each for %4. The cursor marks %5: %6.")
                 .arg(name).arg(m_model->firstYear()).arg(m_model->lastYear()).arg(lines.join(QStringLiteral(", ")))
                 .arg(m_year)
                 .arg(counts.isEmpty() ? tr("no states") : counts.join(QStringLiteral(", "))));
}

int MembershipChart::yearAt(const QPoint &viewportPos) const
{
    QChartView *view = views().constFirst();
    QChart *chart = view->chart();
    const QPointF inChart = chart->mapFromScene(view->mapToScene(viewportPos));
    if (!chart->plotArea().adjusted(-6, -6, 6, 6).contains(inChart))
        return 0;
    const int year = int(std::lround(chart->mapToValue(inChart, m_cursor).x()));
    return std::clamp(year, m_model->firstYear(), m_model->lastYear());
}

void MembershipChart::activateAt(const QPoint &viewportPos)
{
    if (const int year = yearAt(viewportPos))
        emit yearClicked(year);
}

bool MembershipChart::eventFilter(QObject *watched, QEvent *event)
{
    const bool press = event->type() == QEvent::MouseButtonPress, release = event->type() == QEvent::MouseButtonRelease;
    if ((press || release) && !views().isEmpty() && watched == views().constFirst()->viewport()) {
        // Only now is it a QMouseEvent: casting any other event is undefined behaviour (UBSan).
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (press && mouse->button() == Qt::LeftButton)
            m_pressPos = mouse->position().toPoint();
        // A click, not the end of a drag.
        if (release && mouse->button() == Qt::LeftButton && (mouse->position().toPoint() - m_pressPos).manhattanLength() < 8)
            activateAt(mouse->position().toPoint());
    }
    return ChartWidget::eventFilter(watched, event);
}

void MembershipChart::styleSeries()
{
    if (!m_cursor)
        return;
    // Each status in the map's colour of it, opaque; fills too pale for a line are darkened.
    // Dashes tell the later statuses apart where two share a colour (dialogue partner, partner).
    static constexpr Qt::PenStyle kStyles[] = {Qt::SolidLine, Qt::SolidLine, Qt::DashLine, Qt::DashDotLine, Qt::DotLine};
    const double width = std::max(2.0, fontMetrics().height() / 7.0);
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        QColor colour = m_model->layer()
                            ? LayerPainter::membershipColour(*m_model->layer(), m_statuses[i], MapStyle::standard().layers)
                            : palette().color(QPalette::WindowText);
        colour.setAlpha(255);
        const int luma = (299 * colour.red() + 587 * colour.green() + 114 * colour.blue()) / 1000;
        if (luma > 170) // a pale fill (the SCO's yellow) would vanish as a line on white
            colour = colour.darker(100 + (luma - 120));
        QPen pen(colour, width, kStyles[std::min<qsizetype>(i, std::size(kStyles) - 1)]);
        pen.setCapStyle(Qt::RoundCap);
        m_lines[i]->setPen(pen);
        m_lines[i]->setMarkerSize(width * 2.5);
    }
    QColor cursorColour = palette().color(QPalette::WindowText);
    cursorColour.setAlpha(160);
    m_cursor->setPen(QPen(cursorColour, width * 0.75, Qt::SolidLine));
    if (QLegend *legend = m_cursor->chart() ? m_cursor->chart()->legend() : nullptr)
        for (QLegendMarker *marker : legend->markers(m_cursor))
            marker->setVisible(false);
}

} // namespace spheres
