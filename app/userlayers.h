#pragma once

#include "layer.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace spheres {

/// The layers of the files given with --layer (every layer of a multi-layer file), read as
/// File > Add layer reads them. Warnings go to stderr.
struct UserLayers
{
    Q_DECLARE_TR_FUNCTIONS(UserLayers)

public:
    QList<std::shared_ptr<const Layer>> layers;
    QString error; ///< "--layer: <file>: …"; empty on success
    bool ok() const { return error.isEmpty(); }

    static UserLayers read(const QStringList &files);
};

} // namespace spheres
