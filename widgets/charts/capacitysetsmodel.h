#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>

namespace spheres {

class PipelineCapacityModel;

/// Spreads each pipeline's capacity over one column per status group and emphasis, so that a
/// stacked bar series mapped from it (QVBarModelMapper, one bar set per column) draws every
/// pipeline as one bar styled by its status and by whether it concerns the selection. Rows are
/// the source's rows; a pipeline's capacity stands in exactly one column, zero in the others.
class CapacitySetsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Group { Operating, UnderConstruction, Planned, Other, GroupCount };

    explicit CapacitySetsModel(PipelineCapacityModel *source, QObject *parent = nullptr);

    static Group groupOf(const QString &status);
    static int columnOf(Group group, bool emphasised) { return group * 2 + (emphasised ? 0 : 1); }
    static Group groupOfColumn(int column) { return Group(column / 2); }
    static bool isEmphasisColumn(int column) { return column % 2 == 0; }

    /// Emphasises the rows of these features ("pipelines/cagp-a") and fades the others (all of
    /// them when the list is empty: a selection that concerns no pipeline).
    void setEmphasis(const QStringList &featureKeys);
    /// No selection: every row at full strength.
    void clearEmphasis();
    std::optional<QStringList> emphasis() const { return m_emphasis; }
    bool isEmphasised(int row) const;
    PipelineCapacityModel *source() const { return m_source; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Horizontal: the status group's name (the bar set label). Vertical: the pipeline's name,
    /// with its status when it is not operating (the category label).
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString groupLabel(Group group);

private:
    PipelineCapacityModel *m_source;
    std::optional<QStringList> m_emphasis;
    void emphasisChanged();
};

} // namespace spheres
