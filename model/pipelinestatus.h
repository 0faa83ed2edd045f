#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <array>

namespace spheres {

/// What a line (a pipeline) is in a given year, as its periods' "status" says.
enum class PipelineStatus { Operating, UnderConstruction, Planned, Suspended, Other };

/// The statuses' words in layer files, their order, and their labels.
class PipelineStatuses
{
    Q_DECLARE_TR_FUNCTIONS(PipelineStatuses)

public:
    /// The words a line layer's periods use, in the order the Layers panel and the legend list
    /// them (as PipelineStatus's first four values).
    static constexpr std::array<QStringView, 4> kWords{u"operating", u"under construction", u"planned", u"suspended"};

    /// The status a file's word names; Other for any word not in kWords.
    static PipelineStatus fromString(QStringView word);
    /// "Operating", "Under construction", "Planned", "Suspended"; "Other status" for Other.
    static QString label(PipelineStatus status);
    /// Planned or under construction: not yet built (a hollow site symbol, a dashed line).
    static bool isUnbuilt(PipelineStatus status)
    {
        return status == PipelineStatus::Planned || status == PipelineStatus::UnderConstruction;
    }
};

} // namespace spheres
