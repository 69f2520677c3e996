/*
 * The GraphQL queries of the collector. Why GraphQL for details: one query answers the sizes,
 * reviews and commits of up to 50 pull requests, where REST needs three requests per pull
 * request; the lists themselves stay on REST, whose conditional requests (ETag → 304) cost
 * nothing when nothing changed.
 */

/** Pull requests, releases or deployments asked in one `nodes(ids:)` query. */
export const DETAIL_BATCH_SIZE = 50;

/** Items per connection page inside a query (GitHub's maximum). */
export const CONNECTION_PAGE_SIZE = 100;

const COMMIT_FIELDS = `
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes {
    commit {
      oid
      message
      authoredDate
      committedDate
      author { name email user { login databaseId } }
      committer { name email }
    }
  }`;

const REVIEW_FIELDS = `
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes {
    databaseId
    state
    submittedAt
    body
    author { __typename login ... on User { databaseId } ... on Bot { databaseId } }
  }`;

/** Sizes, commits and reviews of pull requests, by node id. */
export const PULL_REQUEST_DETAILS = {
  operation: 'PullRequestDetails',
  query: `query PullRequestDetails($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on PullRequest {
      id
      number
      additions
      deletions
      changedFiles
      commits(first: ${CONNECTION_PAGE_SIZE}) {${COMMIT_FIELDS}
      }
      reviews(first: ${CONNECTION_PAGE_SIZE}) {${REVIEW_FIELDS}
      }
    }
  }
}`,
} as const;

/** The next page of one pull request's commits (for the rare pull request with more than 100). */
export const PULL_REQUEST_COMMITS_PAGE = {
  operation: 'PullRequestCommitsPage',
  query: `query PullRequestCommitsPage($id: ID!, $after: String!) {
  node(id: $id) {
    ... on PullRequest {
      id
      number
      commits(first: ${CONNECTION_PAGE_SIZE}, after: $after) {${COMMIT_FIELDS}
      }
    }
  }
}`,
} as const;

/** The next page of one pull request's reviews. */
export const PULL_REQUEST_REVIEWS_PAGE = {
  operation: 'PullRequestReviewsPage',
  query: `query PullRequestReviewsPage($id: ID!, $after: String!) {
  node(id: $id) {
    ... on PullRequest {
      id
      number
      reviews(first: ${CONNECTION_PAGE_SIZE}, after: $after) {${REVIEW_FIELDS}
      }
    }
  }
}`,
} as const;

/** The commit each release's tag points at (REST releases only name the tag). */
export const RELEASE_COMMITS = {
  operation: 'ReleaseCommits',
  query: `query ReleaseCommits($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Release {
      id
      databaseId
      tagName
      tagCommit { oid }
    }
  }
}`,
} as const;

/** The statuses of deployments (REST needs one request per deployment). */
export const DEPLOYMENT_STATUSES = {
  operation: 'DeploymentStatuses',
  query: `query DeploymentStatuses($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Deployment {
      id
      databaseId
      statuses(first: ${CONNECTION_PAGE_SIZE}) {
        totalCount
        nodes { state createdAt }
      }
    }
  }
}`,
} as const;

/** A query with its operation name (kept with stored pages). */
export interface NamedQuery {
  readonly operation: string;
  readonly query: string;
}
