#pragma once

#include "chartwidget.h"
#include "layer.h"

#include <QList>

#include <memory>

class QLineSeries;
class QValueAxis;
class QVXYModelMapper;

namespace spheres {

class MembershipTimelineModel;

/// A membership layer through time (the SCO, a Russia-led bloc, the comparison of both): how
/// many states it counts in each status each year, one line per status in the map's colour of
/// that status, with a vertical cursor at the timeline's year. Clicking the chart asks for that year.
class MembershipChart : public ChartWidget
{
    Q_OBJECT
public:
    /// Names at most this long (acronyms: "SCO", "BRICS") lead the chart's title and name its tab.
    static constexpr qsizetype kShortNameLength = 8;

    explicit MembershipChart(QWidget *parent = nullptr);

    void setLayer(std::shared_ptr<const Layer> layer);
    void setYear(int year);
    int year() const { return m_year; }

    const MembershipTimelineModel *model() const { return m_model; }
    /// The line of `status` ("member"), or nullptr when the layer has no such status.
    QLineSeries *series(const QString &status) const;
    QLineSeries *cursor() const { return m_cursor; }

    /// The year under a point of the chart view's viewport, or 0 outside the plot.
    int yearAt(const QPoint &viewportPos) const;
    /// What a click at `viewportPos` does: emits yearClicked for the year under it.
    void activateAt(const QPoint &viewportPos);

signals:
    void yearClicked(int year);

protected:
    void styleSeries() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private slots:
    /// Year ticks and legend laid out for the chart's width.
    void fitToWidth();

private:
    /// One line per status of the model's layer, mapped from the model.
    void rebuildSeries();
    void updateAxes();
    void updateCursor();

    MembershipTimelineModel *m_model = nullptr;
    QList<QLineSeries *> m_lines; ///< in the model's status order
    QList<QVXYModelMapper *> m_mappers;
    QStringList m_statuses;       ///< what m_lines show
    bool m_fitting = false;
    QLineSeries *m_cursor = nullptr;
    QValueAxis *m_years = nullptr;
    QValueAxis *m_counts = nullptr;
    int m_year = 2026;
    QPoint m_pressPos;
};

} // namespace spheres
