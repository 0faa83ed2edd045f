#include "capacitysetsmodel.h"
#include "pipelinecapacitymodel.h"
#include "pipelinestatus.h"

#include <QRegularExpression>

namespace spheres {

CapacitySetsModel::CapacitySetsModel(PipelineCapacityModel *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    // The source only ever resets (a new year, layer or commodity): so does this model.
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, &CapacitySetsModel::beginResetModel);
    connect(source, &QAbstractItemModel::modelReset, this, &CapacitySetsModel::endResetModel);
}

CapacitySetsModel::Group CapacitySetsModel::groupOf(const QString &status)
{
    switch (PipelineStatuses::fromString(status)) {
    case PipelineStatus::Operating: return Operating;
    case PipelineStatus::UnderConstruction: return UnderConstruction;
    case PipelineStatus::Planned: return Planned;
    case PipelineStatus::Suspended:
    case PipelineStatus::Other: break;
    }
    return Other;
}

QString CapacitySetsModel::groupLabel(Group group)
{
    switch (group) {
    case Operating: return PipelineStatuses::label(PipelineStatus::Operating);
    case UnderConstruction: return PipelineStatuses::label(PipelineStatus::UnderConstruction);
    case Planned: return PipelineStatuses::label(PipelineStatus::Planned);
    case Other:
    case GroupCount: break;
    }
    return PipelineStatuses::label(PipelineStatus::Other);
}

void CapacitySetsModel::setEmphasis(const QStringList &featureKeys)
{
    if (m_emphasis == featureKeys)
        return;
    m_emphasis = featureKeys;
    emphasisChanged();
}

void CapacitySetsModel::clearEmphasis()
{
    if (!m_emphasis)
        return;
    m_emphasis.reset();
    emphasisChanged();
}

void CapacitySetsModel::emphasisChanged()
{
    // Values move between columns; dataChanged keeps the mapped bar sets (and their styles).
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool CapacitySetsModel::isEmphasised(int row) const
{
    return !m_emphasis || m_emphasis->contains(m_source->featureKey(row));
}

int CapacitySetsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_source->rowCount();
}

int CapacitySetsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : GroupCount * 2;
}

QVariant CapacitySetsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const int row = index.row();
    const QString status = m_source->index(row, PipelineCapacityModel::Status).data().toString();
    const double capacity = m_source->index(row, PipelineCapacityModel::Capacity).data().toDouble();
    return index.column() == columnOf(groupOf(status), isEmphasised(row)) ? capacity : 0.0;
}

QVariant CapacitySetsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount())
            return {};
        const QString label = groupLabel(groupOfColumn(section));
        return isEmphasisColumn(section) ? label : tr("%1 (not in the selection)").arg(label);
    }
    const QString name = m_source->index(section, PipelineCapacityModel::Name).data().toString();
    const QString status = m_source->index(section, PipelineCapacityModel::Status).data().toString();
    const Group group = groupOf(status);
    // Names stand on their own line above the bars: asides in brackets are dropped, and only
    // absurdly long names are elided, in the middle, which keeps the distinguishing end
    // ("…, Line A"). The full name is in the context panel.
    static const QRegularExpression aside(QStringLiteral("\\s*\\([^)]*\\)"));
    // The chart's title says what they are: "Central Asia–China gas pipeline, Line D" reads
    // "Central Asia–China, Line D" under "Gas pipelines".
    static const QRegularExpression kind(QStringLiteral("\\s*\\b(?:(?:natural\\s+)?gas|(?:crude\\s+)?oil|crude)?\\s*pipeline(?:\\s+system)?\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString shown = QString(name).remove(aside).remove(kind).simplified();
    if (shown.isEmpty())
        shown = name;
    constexpr int kMaxName = 64;
    if (shown.size() > kMaxName)
        shown = shown.left(kMaxName / 2 - 1).trimmed() + u'…' + shown.right(kMaxName / 2).trimmed();
    if (group == Operating)
        return shown;
    return tr("%1 (%2)").arg(shown, group == Other && !status.isEmpty() ? status : groupLabel(group).toLower());
}

} // namespace spheres
