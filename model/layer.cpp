#include "layer.h"

#include <algorithm>

namespace spheres {

const FeatureDetails &Feature::details() const
{
    static const FeatureDetails none;
    return m_details ? *m_details.constData() : none;
}

FeatureDetails &Feature::editDetails()
{
    if (!m_details)
        m_details = new FeatureDetails;
    return *m_details.data(); // detaches when shared
}

std::optional<QString> Feature::statusIn(int year) const
{
    const QList<Period> &periods = details().periods;
    if (periods.isEmpty())
        return QString();
    for (const Period &p : periods)
        if (p.contains(year))
            return p.status;
    return std::nullopt;
}

QString Layer::shortName() const
{
    const bool acronym = id.size() <= 5 && std::all_of(id.begin(), id.end(), [](QChar c) { return c.isLetter(); });
    return acronym ? id.toUpper() : title;
}

const Feature *Layer::feature(const QString &id) const
{
    for (const Feature &f : features)
        if (f.id == id)
            return &f;
    return nullptr;
}

QList<const Feature *> Layer::membersIn(int year, const QString &status) const
{
    QList<const Feature *> out;
    for (const Feature &f : features)
        if (f.statusIn(year) == status)
            out.push_back(&f);
    return out;
}

} // namespace spheres
