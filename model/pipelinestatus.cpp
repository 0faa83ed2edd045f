#include "pipelinestatus.h"

#include <algorithm>

namespace spheres {

PipelineStatus PipelineStatuses::fromString(QStringView word)
{
    const auto at = std::find(kWords.begin(), kWords.end(), word);
    return at == kWords.end() ? PipelineStatus::Other : PipelineStatus(at - kWords.begin());
}

QString PipelineStatuses::label(PipelineStatus status)
{
    switch (status) {
    case PipelineStatus::Operating: return tr("Operating");
    case PipelineStatus::UnderConstruction: return tr("Under construction");
    case PipelineStatus::Planned: return tr("Planned");
    case PipelineStatus::Suspended: return tr("Suspended");
    case PipelineStatus::Other: break;
    }
    return tr("Other status");
}

} // namespace spheres
