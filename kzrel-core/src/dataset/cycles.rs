//! Parent links that lead back to where they started.

use std::collections::HashMap;

use super::Problem;
use crate::entity::Entity;
use crate::id::EntityId;

/// Every cycle among the parent links of `entities` (over all periods: a unit cannot be
/// inside what is inside it at any time), once each, at the file and line of the
/// entity where the cycle was entered.
pub(crate) fn parent_cycles(entities: &[(Entity, String, usize)]) -> Vec<Problem> {
    let index: HashMap<&EntityId, usize> = entities
        .iter()
        .enumerate()
        .map(|(i, (e, _, _))| (&e.id, i))
        .collect();
    // 0: not seen, 1: on the path being walked, 2: done.
    let mut state = vec![0u8; entities.len()];
    let mut problems = Vec::new();
    for start in 0..entities.len() {
        if state[start] != 0 {
            continue;
        }
        // An explicit stack of (entity, next parent to look at), so that a long chain
        // cannot overflow the call stack.
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (at, ref mut next)) = path.last_mut() {
            let parents = &entities[at].0.parents;
            let Some(parent_link) = parents.get(*next) else {
                state[at] = 2;
                path.pop();
                continue;
            };
            *next += 1;
            // Self-parents and unknown ids are reported by the record's own checks.
            let Some(&p) = index.get(&parent_link.id) else {
                continue;
            };
            if p == at {
                continue;
            }
            match state[p] {
                0 => {
                    state[p] = 1;
                    path.push((p, 0));
                }
                1 => {
                    let from = path.iter().position(|&(i, _)| i == p).unwrap_or(0);
                    let mut ids: Vec<&str> = path[from..]
                        .iter()
                        .map(|&(i, _)| entities[i].0.id.as_str())
                        .collect();
                    ids.push(entities[p].0.id.as_str());
                    let (e, file, line) = &entities[p];
                    problems.push(Problem {
                        file: file.clone(),
                        line: Some(*line),
                        message: format!(
                            "{}: its parents lead back to it ({}); a unit cannot lie inside \
                             what lies inside it",
                            e.id,
                            ids.join(" → ")
                        ),
                    });
                }
                _ => {}
            }
        }
    }
    problems
}
