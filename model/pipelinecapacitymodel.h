#pragma once

#include "layer.h"

#include <QAbstractTableModel>
#include <QString>

#include <memory>

namespace spheres {

/// The pipelines of a lines layer that exist in one year (any status), one row each, in file
/// order, for tables and charts. Left out: sections of a longer line (property "sectionOf"),
/// whose capacity is the line's, counted once; and lines without a published capacity.
class PipelineCapacityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Commodity, Status, Capacity, Unit, Id, ColumnCount };

    explicit PipelineCapacityModel(QObject *parent = nullptr);

    void setLayer(std::shared_ptr<const Layer> layer);
    std::shared_ptr<const Layer> layer() const { return m_layer; }
    void setYear(int year);
    int year() const { return m_year; }
    /// Keeps only pipelines whose "commodity" is `commodity` ("gas", "oil"); empty keeps all.
    void setCommodity(const QString &commodity);
    QString commodity() const { return m_commodity; }

    const Feature *feature(int row) const;
    /// "<layer id>/<feature id>" of a row, as the map and the brief name features.
    QString featureKey(int row) const;
    /// The row showing the feature "<layer id>/<feature id>", or -1.
    int rowOf(const QString &featureKey) const;
    /// The distinct capacity units of the rows, in row order ("bcm/y").
    QStringList units() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    std::shared_ptr<const Layer> m_layer;
    int m_year = 2026;
    QString m_commodity;
    QList<const Feature *> m_rows;
};

} // namespace spheres
