#include "pipelinecapacitymodel.h"

#include "featurekey.h"

namespace spheres {

namespace {

QVariantMap capacityOf(const Feature &f) { return f.properties.value(QStringLiteral("capacity")).toMap(); }

} // namespace

PipelineCapacityModel::PipelineCapacityModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PipelineCapacityModel::setLayer(std::shared_ptr<const Layer> layer)
{
    m_layer = std::move(layer);
    rebuild();
}

void PipelineCapacityModel::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    rebuild();
}

void PipelineCapacityModel::setCommodity(const QString &commodity)
{
    if (commodity == m_commodity)
        return;
    m_commodity = commodity;
    rebuild();
}

// A reset rather than row inserts: a year step changes statuses and rows at once, and the
// chart mappers rebuild their sets on a reset anyway.
void PipelineCapacityModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_layer) {
        for (const Feature &f : m_layer->features) {
            // A section of a longer line carries that line's gas or oil: charted once, as the line.
            // A line without a published capacity has no bar to draw.
            if (!f.existsIn(m_year) || f.properties.contains(QStringLiteral("sectionOf")) || capacityOf(f).isEmpty())
                continue;
            if (!m_commodity.isEmpty() && f.properties.value(QStringLiteral("commodity")).toString() != m_commodity)
                continue;
            m_rows << &f;
        }
    }
    endResetModel();
}

const Feature *PipelineCapacityModel::feature(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row] : nullptr;
}

QString PipelineCapacityModel::featureKey(int row) const
{
    const Feature *f = feature(row);
    return f ? FeatureKey{m_layer->id, f->id}.toString() : QString();
}

int PipelineCapacityModel::rowOf(const QString &featureKey) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (this->featureKey(row) == featureKey)
            return row;
    return -1;
}

QStringList PipelineCapacityModel::units() const
{
    QStringList out;
    for (const Feature *f : m_rows) {
        const QString unit = capacityOf(*f).value(QStringLiteral("unit")).toString();
        if (!unit.isEmpty() && !out.contains(unit))
            out << unit;
    }
    return out;
}

int PipelineCapacityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PipelineCapacityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PipelineCapacityModel::data(const QModelIndex &index, int role) const
{
    const Feature *f = feature(index.row());
    if (!f || !index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    switch (Column(index.column())) {
    case Name: return f->name;
    case Commodity: return f->properties.value(QStringLiteral("commodity")).toString();
    case Status: return f->statusIn(m_year).value_or(QString());
    case Capacity: {
        const QVariant value = capacityOf(*f).value(QStringLiteral("value"));
        return value.isValid() && !value.isNull() ? QVariant(value.toDouble()) : QVariant();
    }
    case Unit: return capacityOf(*f).value(QStringLiteral("unit")).toString();
    case Id: return f->id;
    case ColumnCount: break;
    }
    return {};
}

QVariant PipelineCapacityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical) {
        const Feature *f = feature(section);
        return f ? QVariant(f->name) : QVariant();
    }
    switch (Column(section)) {
    case Name: return tr("Name");
    case Commodity: return tr("Commodity");
    case Status: return tr("Status");
    case Capacity: return tr("Capacity");
    case Unit: return tr("Unit");
    case Id: return tr("Id");
    case ColumnCount: break;
    }
    return {};
}

} // namespace spheres
