#pragma once

#include "layer.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>

namespace spheres {

/// How many states a membership layer (the SCO, the CSTO, a comparison of blocs) counts in each
/// status, year by year: one row per year, a column for the year and one per status, counted
/// from the features' periods.
class MembershipTimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kYearColumn = 0;
    static constexpr int kDefaultLastYear = 2035; ///< the end of the timeline

    explicit MembershipTimelineModel(QObject *parent = nullptr);

    /// Rows run from the layer's first year (its earliest period) to kDefaultLastYear.
    void setLayer(std::shared_ptr<const Layer> layer);
    std::shared_ptr<const Layer> layer() const { return m_layer; }
    int firstYear() const { return m_first; }
    int lastYear() const { return m_last; }

    /// The statuses counted, column 1 onwards: in the layer's legend order, then any status its
    /// features use that the legend does not list.
    const QStringList &statuses() const { return m_statuses; }
    /// The column that counts `status`, or -1.
    int columnOf(const QString &status) const;
    /// How the layer's legend names `status` ("Member state"), or the status itself.
    QString labelOf(const QString &status) const;
    /// The row of `year`, or -1 outside the span.
    int rowOf(int year) const;
    /// The count of `status` in `year` (0 outside the span or for a status not counted).
    int count(int year, const QString &status) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    std::shared_ptr<const Layer> m_layer;
    int m_first = 2001;
    int m_last = kDefaultLastYear;
    QStringList m_statuses;
    QList<QList<int>> m_rows; ///< per year: the year, then a count per status
};

} // namespace spheres
