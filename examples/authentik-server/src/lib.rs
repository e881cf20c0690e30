//! A server for the authentik API written one operation at a time: creating and listing users are
//! implemented here, on an in-memory directory; every other operation answers with the docs' example,
//! through the generated `MockFallback`. The generated router reads and validates every request first,
//! so the two methods below only ever see inputs the docs allow.

use std::sync::Mutex;

use api::models::{PaginatedUserList, Pagination, PaginationRequired, User, UserRequired};
use api::server::{
    CoreUsersCreateRequest, CoreUsersCreateResponse, CoreUsersListRequest, CoreUsersListResponse, Credential, MockApi,
    MockError, MockFallback,
};

/// The models, their support types and the server, as mdxgen generates them.
pub mod api {
    include!(concat!(env!("OUT_DIR"), "/api.rs"));
}

/// The bearer token this example accepts.
pub const TOKEN: &str = "example-token";

/// Users in memory, and the mock for everything else.
#[derive(Debug)]
pub struct Directory {
    mock: MockApi,
    users: Mutex<Vec<User>>,
}

impl Directory {
    /// An empty directory.
    ///
    /// # Errors
    ///
    /// When one of the docs' examples does not decode into its type.
    pub fn new() -> Result<Self, MockError> {
        Ok(Self { mock: MockApi::new()?, users: Mutex::new(Vec::new()) })
    }

    fn users(&self) -> std::sync::MutexGuard<'_, Vec<User>> {
        // A panic while holding the lock cannot leave the list half-written: every change is one push.
        self.users.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Whether the request carries this example's token (the router has read it; checking it is ours).
fn authorized(credentials: &[Credential]) -> bool {
    credentials.iter().any(|c| matches!(c, Credential::Bearer { token, .. } if token == TOKEN))
}

fn forbidden() -> api::models::GenericError {
    api::models::GenericError::new("invalid token")
}

impl MockFallback for Directory {
    fn mock(&self) -> &MockApi {
        &self.mock
    }

    async fn core_users_create(&self, request: CoreUsersCreateRequest) -> CoreUsersCreateResponse {
        if !authorized(&request.credentials) {
            return CoreUsersCreateResponse::Status403(forbidden());
        }
        let mut users = self.users();
        let pk = i64::try_from(users.len()).unwrap_or(i64::MAX - 1) + 1;
        let body = request.body;
        let mut user = User::new(UserRequired {
            pk,
            uid: format!("user-{pk}"),
            uuid: uuid::Uuid::from_u128(u128::from(pk.unsigned_abs())),
            username: body.username,
            name: body.name,
            is_superuser: false,
            groups_obj: None,
            avatar: String::new(),
        });
        user.email = body.email;
        user.is_active = body.is_active;
        users.push(user.clone());
        CoreUsersCreateResponse::Status201(user)
    }

    async fn core_users_list(&self, request: CoreUsersListRequest) -> CoreUsersListResponse {
        if !authorized(&request.credentials) {
            return CoreUsersListResponse::Status403(forbidden());
        }
        let users: Vec<User> = self
            .users()
            .iter()
            .filter(|u| request.username.as_ref().is_none_or(|name| &u.username == name))
            .cloned()
            .collect();
        // The docs type the counts as numbers.
        let count = users.len() as f64;
        let pagination = Pagination::new(PaginationRequired {
            next: 0.0,
            previous: 0.0,
            count,
            current: 1.0,
            total_pages: 1.0,
            start_index: if users.is_empty() { 0.0 } else { 1.0 },
            end_index: count,
        });
        CoreUsersListResponse::Status200(PaginatedUserList::new(pagination, users))
    }
}
