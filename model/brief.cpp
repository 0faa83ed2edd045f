#include "brief.h"

#include <QCoreApplication>

namespace spheres {

QString stanceKey(Stance stance)
{
    switch (stance) {
    case Stance::Cooperation: return QStringLiteral("cooperation");
    case Stance::Rivalry: return QStringLiteral("rivalry");
    case Stance::Context: return QStringLiteral("context");
    }
    return {};
}

QString stanceLabel(Stance stance)
{
    switch (stance) {
    case Stance::Cooperation: return QCoreApplication::translate("Stance", "Cooperation");
    case Stance::Rivalry: return QCoreApplication::translate("Stance", "Rivalry");
    case Stance::Context: break;
    }
    return QCoreApplication::translate("Stance", "Context");
}

std::optional<Stance> stanceFromKey(const QString &key)
{
    for (Stance s : {Stance::Cooperation, Stance::Rivalry, Stance::Context})
        if (stanceKey(s) == key)
            return s;
    return std::nullopt;
}

QStringList &Claim::links(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Region: return regions;
    case LinkKind::Group: return groups;
    case LinkKind::Feature: return features;
    case LinkKind::Topic: break;
    }
    return topics;
}

const QStringList &Claim::links(LinkKind kind) const { return const_cast<Claim *>(this)->links(kind); }

const Claim *Brief::claim(const QString &id) const
{
    for (const Claim &c : claims)
        if (c.id == id)
            return &c;
    return nullptr;
}

const Annotation *Brief::annotation(const QString &id) const
{
    for (const Annotation &a : annotations)
        if (a.id == id)
            return &a;
    return nullptr;
}

} // namespace spheres
