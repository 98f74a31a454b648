import { accountPairs, allow, decides, doc, fails, people, roleArn, scenario, trust, userArn } from './kit';
import { type Template, type Json } from './types';

/** Session tags: sts:TagSession in the trust policy, then ${aws:PrincipalTag} in the role policy. */
export const sessionTagsTemplate: Template = {
  id: 'session-tags',
  title: 'Session tags and attribute-based access control',
  topic: 'session-tags',
  note: 'session-tags#passing-tags',
  domain: 'scs-iam',
  difficulty: 3,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const who = rng.pick(people);
    const user = userArn(a, who);
    const projects = rng.shuffle(['apollo', 'borealis', 'cygnus', 'draco']);
    const project = projects[0]!;
    const asked = rng.chance(0.5) ? project : projects[1]!;
    const tagSession = rng.chance(0.7);
    const duplicate = rng.chance(0.15);
    const target = roleArn(a, 'ProjectWorker');
    const bucket = `projects-${a.slice(-4)}`;
    const world: Json = {
      accounts: [{ id: a }],
      users: [{ arn: user }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: user }, tagSession ? ['sts:AssumeRole', 'sts:TagSession'] : 'sts:AssumeRole')), policies: [doc(allow('s3:GetObject', `arn:aws:s3:::${bucket}/\${aws:PrincipalTag/project}/*`))] }],
      resources: [{ arn: `arn:aws:s3:::${bucket}`, account: a }],
    };
    const tags = duplicate ? [{ Key: 'project', Value: project }, { Key: 'Project', Value: projects[2]! }] : [{ Key: 'project', Value: project }];
    const steps: Json[] = [
      { id: 'assume', as: { user }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: who, Tags: tags } },
      { id: 'ask', as: { session: 'assume' }, request: { action: 's3:GetObject', resource: `arn:aws:s3:::${bucket}/${asked}/plan.pdf` } },
    ];
    // F-7.3, F-7.4; then the policy variable resolves to the session tag.
    const expected = duplicate ? 'error-duplicate' : !tagSession ? 'error-tag-session' : asked === project ? 'allow' : 'implicit';
    return {
      scenario: scenario('gen-session-tags', 'Generated: session tags', world, steps),
      stem: `\`${who}\` assumes \`ProjectWorker\` and passes the session tag${tags.length > 1 ? 's' : ''} ${tags.map((t) => `\`${t.Key}=${t.Value}\``).join(' and ')}. The role's permissions policy allows \`s3:GetObject\` on \`arn:aws:s3:::${bucket}/\${aws:PrincipalTag/project}/*\`. ${who} then tries to read \`s3://${bucket}/${asked}/plan.pdf\` with the session's credentials.\n\nWhat happens?`,
      exhibits: [{ title: 'Trust policy of ProjectWorker', json: (world.roles as Json[])[0]!.trustPolicy }],
      choices: [
        { key: 'allow', text: 'AssumeRole succeeds and the read is allowed.', matches: decides('Allow'), when: 'the trust policy allowed sts:TagSession and the object were under the tagged project’s prefix' },
        { key: 'implicit', text: 'AssumeRole succeeds, but the read is implicitly denied.', matches: decides('ImplicitDeny'), when: 'the object were under another project’s prefix than the session tag' },
        { key: 'error-tag-session', text: 'AssumeRole fails with `AccessDenied`, because the trust policy does not allow `sts:TagSession`.', matches: fails('AccessDenied', 'session-tags'), when: 'tags were passed to a role whose trust policy lacks sts:TagSession' },
        { key: 'error-duplicate', text: 'AssumeRole fails with `InvalidParameterValue`, because tag keys are case-insensitive and two keys collide.', matches: fails('InvalidParameterValue'), when: 'two session tag keys differed only by case' },
      ],
      expected,
      rule: 'Passing session tags needs `sts:TagSession` in the role’s trust policy (besides sts:AssumeRole). Tag keys are case-insensitive, so `project` and `Project` collide. Once issued, session tags appear as `aws:PrincipalTag/<key>` and can drive policy variables for attribute-based access control.',
    };
  },
};
