#include "scochart.h"
#include "safetext.h"
#include "membershiptimelinemodel.h"

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

ScoChart::ScoChart(QWidget *parent)
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
    for (int i = 0; i < int(m_lines.size()); ++i) {
        const int column = MembershipTimelineModel::Members + i;
        auto *line = new QLineSeries;
        line->setName(SafeText::html(m_model->headerData(column, Qt::Horizontal).toString()));
        line->setPointsVisible(true);
        chart->addSeries(line);
        line->attachAxis(m_years);
        line->attachAxis(m_counts);
        auto *mapper = new QVXYModelMapper(this);
        mapper->setXColumn(MembershipTimelineModel::Year);
        mapper->setYColumn(column);
        mapper->setSeries(line);
        mapper->setModel(m_model);
        m_lines[size_t(i)] = line;
        m_mappers[size_t(i)] = mapper;
    }
    m_cursor = new QLineSeries;
    chart->addSeries(m_cursor);
    m_cursor->attachAxis(m_years);
    m_cursor->attachAxis(m_counts);
    chart->legend()->markers(m_cursor).constFirst()->setVisible(false);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    connect(chart, &QChart::plotAreaChanged, this, &ScoChart::fitToWidth);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QChartView *view = addChartView(chart);
    view->viewport()->installEventFilter(this);
    view->setCursor(Qt::PointingHandCursor);
    view->setToolTip(tr("Click to go to a year"));
    layout->addWidget(view);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateAxes();
        updateCursor();
    });
    updateAxes();
    updateCursor();
    restyle();
}

QLineSeries *ScoChart::series(int column) const
{
    const int i = column - MembershipTimelineModel::Members;
    return i >= 0 && i < int(m_lines.size()) ? m_lines[size_t(i)] : nullptr;
}

void ScoChart::setLayer(std::shared_ptr<const Layer> layer)
{
    m_model->setLayer(std::move(layer));
}

void ScoChart::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    updateCursor();
}

void ScoChart::updateAxes()
{
    int max = 1;
    for (int row = 0; row < m_model->rowCount(); ++row)
        for (int c = MembershipTimelineModel::Members; c < MembershipTimelineModel::ColumnCount; ++c)
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

void ScoChart::fitToWidth()
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

void ScoChart::updateCursor()
{
    // The cursor is the timeline's year, not data: two points from the axis' bottom to top.
    const double top = m_counts->max();
    m_cursor->replace(QList<QPointF>{{double(m_year), 0.0}, {double(m_year), top}});
    m_cursor->setVisible(m_year >= m_model->firstYear() && m_year <= m_model->lastYear());
    const QString name = m_model->layer() ? m_model->layer()->title : tr("Membership");
    using C = MembershipTimelineModel;
    QStringList counts;
    for (int c = C::Members; c < C::ColumnCount; ++c)
        if (const int n = m_model->count(m_year, C::Column(c)); n > 0)
            counts << QStringLiteral("%1 %2").arg(n).arg(m_model->headerData(c, Qt::Horizontal).toString().toLower());
    const QString heading = tr("%1 in %2").arg(name, QString::number(m_year));
    // The tab and the pack's heading name the organisation: the chart's own title is the year's
    // counts, short enough for a narrow dock. Qt Charts shows titles as HTML.
    const QString shown = counts.isEmpty() ? heading : tr("In %1: %2").arg(QString::number(m_year), counts.join(QStringLiteral(", ")));
    views().constFirst()->chart()->setTitle(SafeText::html(shown));
    describe(views().constFirst(), shown,
             tr("%1 from %2 to %3, one line each for members, observers, dialogue partners and partners. "
                "The cursor marks %4: %5.")
                 .arg(name).arg(m_model->firstYear()).arg(m_model->lastYear()).arg(m_year)
                 .arg(counts.isEmpty() ? tr("no states") : counts.join(QStringLiteral(", "))));
}

int ScoChart::yearAt(const QPoint &viewportPos) const
{
    QChartView *view = views().constFirst();
    QChart *chart = view->chart();
    const QPointF inChart = chart->mapFromScene(view->mapToScene(viewportPos));
    if (!chart->plotArea().adjusted(-6, -6, 6, 6).contains(inChart))
        return 0;
    const int year = int(std::lround(chart->mapToValue(inChart, m_lines[0]).x()));
    return std::clamp(year, m_model->firstYear(), m_model->lastYear());
}

void ScoChart::activateAt(const QPoint &viewportPos)
{
    if (const int year = yearAt(viewportPos))
        emit yearClicked(year);
}

bool ScoChart::eventFilter(QObject *watched, QEvent *event)
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

void ScoChart::styleSeries()
{
    if (!m_cursor)
        return;
    // Okabe–Ito, as the map colours members (bluish green) and observers (sky blue); the map's
    // yellow for partners is too pale for a line, so orange and reddish purple, and dashes.
    const std::array<QColor, 4> colours{QColor(0x00, 0x9e, 0x73), QColor(0x56, 0xb4, 0xe9),
                                        QColor(0xe6, 0x9f, 0x00), QColor(0xcc, 0x79, 0xa7)};
    const std::array<Qt::PenStyle, 4> styles{Qt::SolidLine, Qt::SolidLine, Qt::DashLine, Qt::DashDotLine};
    const double width = std::max(2.0, fontMetrics().height() / 7.0);
    for (size_t i = 0; i < m_lines.size(); ++i) {
        QPen pen(colours[i], width, styles[i]);
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
