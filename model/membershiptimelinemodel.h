#pragma once

#include "layer.h"

#include <QAbstractTableModel>

#include <array>
#include <memory>

namespace spheres {

/// How many states a membership layer (the SCO) counts in each status, year by year: one row
/// per year, counted from the features' periods.
class MembershipTimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Year, Members, Observers, DialoguePartners, Partners, ColumnCount };

    static constexpr int kDefaultLastYear = 2035; ///< the end of the timeline

    explicit MembershipTimelineModel(QObject *parent = nullptr);

    /// Rows run from the layer's first year (its earliest period) to kDefaultLastYear.
    void setLayer(std::shared_ptr<const Layer> layer);
    std::shared_ptr<const Layer> layer() const { return m_layer; }
    /// Overrides the span of years; `last` < `first` restores the layer's span.
    void setYearRange(int first, int last);
    int firstYear() const { return m_first; }
    int lastYear() const { return m_last; }

    /// The status a column counts ("member", …); empty for Year.
    static QString statusOf(Column column);
    /// The row of `year`, or -1 outside the span.
    int rowOf(int year) const;
    /// The count of `column`'s status in `year` (0 outside the span).
    int count(int year, Column column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    std::shared_ptr<const Layer> m_layer;
    int m_first = 2001;
    int m_last = kDefaultLastYear;
    bool m_fixedRange = false;
    QList<std::array<int, ColumnCount>> m_rows; ///< per year: year and the four counts
};

} // namespace spheres
