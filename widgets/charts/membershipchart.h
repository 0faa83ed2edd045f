#pragma once

#include "chartwidget.h"
#include "layer.h"

#include <array>
#include <memory>

class QLineSeries;
class QValueAxis;
class QVXYModelMapper;

namespace spheres {

class MembershipTimelineModel;

/// A membership layer (the SCO) through time: how many members, observers, dialogue partners
/// and partners it counts each year, one line each, with a vertical cursor at the timeline's
/// year. Clicking the chart asks for that year.
class ScoChart : public ChartWidget
{
    Q_OBJECT
public:
    explicit ScoChart(QWidget *parent = nullptr);

    void setLayer(std::shared_ptr<const Layer> layer);
    void setYear(int year);
    int year() const { return m_year; }

    const MembershipTimelineModel *model() const { return m_model; }
    /// The line of a status column (MembershipTimelineModel::Members…), or nullptr.
    QLineSeries *series(int column) const;
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
    void updateAxes();
    void updateCursor();

    MembershipTimelineModel *m_model = nullptr;
    std::array<QLineSeries *, 4> m_lines{};
    std::array<QVXYModelMapper *, 4> m_mappers{};
    bool m_fitting = false;
    QLineSeries *m_cursor = nullptr;
    QValueAxis *m_years = nullptr;
    QValueAxis *m_counts = nullptr;
    int m_year = 2026;
    QPoint m_pressPos;
};

} // namespace spheres
