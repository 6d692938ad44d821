import type { AccessKey, AccessKeyStatus } from '../../backend/index.js';
import type { RemoteObject } from '../types.js';
import { deleted, isFailure, mapResult, remote, requiredString, stringAttr, type KindHandler } from './common.js';

/** `iam_access_key`: the id is the access key id; the secret comes back once, from create. */

function keyObject(key: AccessKey): RemoteObject {
  return remote(key.accessKeyId, { user: key.userId, description: key.description, status: key.status, access: key.accessKeyId });
}

export const accessKeys: KindHandler = {
  list: (ctx) => ctx.memo('access_keys', () => ctx.port.listAccessKeys()).map(keyObject),
  create(ctx, values) {
    const user = requiredString(values, 'user');
    if (isFailure(user)) return user;
    const status = stringAttr(values, 'status') as AccessKeyStatus | undefined;
    return mapResult(ctx.port.createAccessKey({ userId: user, description: stringAttr(values, 'description'), status }), (created) => {
      const { secret, ...key } = created;
      return { ...keyObject(key), secrets: { secret } };
    });
  },
  update: (ctx, id, _prior, values) =>
    mapResult(ctx.port.updateAccessKey(id, { description: stringAttr(values, 'description'), status: stringAttr(values, 'status') as AccessKeyStatus | undefined }), keyObject),
  delete: (ctx, id) => deleted(ctx.port.deleteAccessKey(id)),
};
