import { limits } from '@/lib/sts/limits';
import { formatLimit, type LimitFormat, type LimitName } from '@/lib/content/limitText';

export { formatLimit, humanDuration, isDurationLimit, type LimitFormat, type LimitName } from '@/lib/content/limitText';

/**
 * A number from lib/sts/limits.ts, so a note can never disagree with the engine.
 * @example <Limit name="chainingCapSeconds" as="time" />
 */
export function Limit({ name, as }: { name: string; as?: LimitFormat }) {
  if (!Object.hasOwn(limits, name)) throw new Error(`<Limit name="${name}">: no such limit in lib/sts/limits.ts`);
  return (
    <span className="limit" data-limit={name}>
      {formatLimit(name as LimitName, as)}
    </span>
  );
}
