#include "claimbalancechart.h"
#include "safetext.h"
#include "claimbalancemodel.h"
#include "panels/stancestyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBarModelMapper>
#include <QLegend>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace spheres {

ClaimBalanceChart::ClaimBalanceChart(QWidget *parent)
    : ChartWidget(parent)
{
    setWindowTitle(tr("Claims by stance"));
    m_model = new ClaimBalanceModel(this);
    m_series = new QBarSeries;
    m_series->setBarWidth(0.85);
    // One bar set per stance (a row of the model), so that each bar has its stance's colour.
    m_mapper = new QHBarModelMapper(this);
    m_mapper->setFirstBarSetRow(0);
    m_mapper->setLastBarSetRow(m_model->rowCount() - 1);
    m_mapper->setFirstColumn(ClaimBalanceModel::Count);
    m_mapper->setColumnCount(1);
    m_mapper->setSeries(m_series);
    m_mapper->setModel(m_model);

    auto *chart = new QChart;
    chart->addSeries(m_series);
    m_category = new QBarCategoryAxis;
    m_values = new QValueAxis;
    m_values->setLabelFormat(QStringLiteral("%d"));
    m_values->setTitleText(tr("Claims"));
    chart->addAxis(m_category, Qt::AlignBottom);
    chart->addAxis(m_values, Qt::AlignLeft);
    m_series->attachAxis(m_category);
    m_series->attachAxis(m_values);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(addChartView(chart));

    connect(m_model, &QAbstractItemModel::dataChanged, this, &ClaimBalanceChart::updateAxes);
    updateAxes();
    restyle();
}

void ClaimBalanceChart::setClaims(const QList<const Claim *> &claims, const QString &subject)
{
    m_subject = subject;
    m_model->setClaims(claims);
    updateAxes(); // the subject may change while the counts do not
}

int ClaimBalanceChart::barValue(Stance stance) const
{
    for (size_t i = 0; i < ClaimBalanceModel::kStances.size(); ++i) {
        const QList<QBarSet *> sets = m_series->barSets();
        if (ClaimBalanceModel::kStances[i] == stance && int(i) < sets.size() && sets[int(i)]->count() > 0)
            return int(std::lround(sets[int(i)]->at(0)));
    }
    return -1;
}

void ClaimBalanceChart::updateAxes()
{
    const int total = m_model->total();
    m_category->setCategories({m_subject.isEmpty() ? tr("All claims (%n)", nullptr, total)
                                                   : SafeText::html(tr("%1 (%n claims)", nullptr, total).arg(m_subject))});
    int max = 1;
    for (Stance s : ClaimBalanceModel::kStances)
        max = std::max(max, m_model->count(s));
    // Whole claims only: integer ticks, and a little headroom for the count above the bar.
    const int step = max <= 10 ? 1 : max <= 25 ? 5 : 10;
    m_values->setTickType(QValueAxis::TicksDynamic);
    m_values->setTickAnchor(0);
    m_values->setTickInterval(step);
    m_values->setRange(0, (max / step + 1) * step);
    QChart *chart = m_series->chart();
    if (!chart)
        return;
    const QString title = m_subject.isEmpty() ? tr("Stance of every claim in the brief")
                          : total == 0        ? tr("No claims about %1").arg(m_subject)
                                              : tr("Stance of the claims about %1").arg(m_subject);
    chart->setTitle(SafeText::html(title)); // Qt Charts shows titles as HTML
    QStringList counts;
    for (Stance s : ClaimBalanceModel::kStances)
        counts << tr("%1 %2").arg(m_model->count(s)).arg(stanceLabel(s).toLower());
    describe(views().constFirst(), title,
             tr("%1, claims by stance: %2 (%3 in all).")
                 .arg(m_subject.isEmpty() ? tr("The whole brief") : m_subject, counts.join(QStringLiteral(", ")), QString::number(total)));
}

void ClaimBalanceChart::styleSeries()
{
    if (!m_series)
        return;
    const QList<QBarSet *> sets = m_series->barSets();
    for (int row = 0; row < sets.size(); ++row) {
        const Stance stance = ClaimBalanceModel::stanceOf(row);
        QBarSet *set = sets[row];
        set->setColor(StanceStyle::colour(stance));
        set->setBorderColor(StanceStyle::colour(stance).darker(130));
        set->setLabelColor(palette().color(QPalette::WindowText));
        set->setLabelFont(scaledFont(1.1));
    }
    m_series->setLabelsVisible(true);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setLabelsFormat(QStringLiteral("@value"));
}

} // namespace spheres
