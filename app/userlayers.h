#pragma once

#include "brief.h"
#include "layer.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace spheres {

/// The users' layers of a command: those the brief names (styled as it says, BriefUserLayers),
/// then the files given with --layer (every layer of a multi-layer file), read as File > Add
/// layer reads them. Warnings go to stderr.
struct UserLayers
{
    Q_DECLARE_TR_FUNCTIONS(UserLayers)

public:
    QList<std::shared_ptr<const Layer>> layers;
    QString error; ///< "--layer: <file>: …" or "<brief>: userLayers[i] (<path>): …"; empty on success
    bool ok() const { return error.isEmpty(); }

    static UserLayers read(const QStringList &files, const Brief *brief = nullptr, const QString &briefPath = {});
};

} // namespace spheres
